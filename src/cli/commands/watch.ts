/** `lectern watch [PATH...]`: builds, then rebuilds what changed. */
import { notAvailable } from './not-available.js';

export const watch = notAvailable('watch', 'watch [PATH...]', 'build, then rebuild what changes');
