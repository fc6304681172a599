/** `lectern build [PATH...]`: builds every lesson under each PATH. */
import { notAvailable } from './not-available.js';

export const build = notAvailable('build', 'build [PATH...]', 'build decks, handouts and labs for every lesson under PATH');
