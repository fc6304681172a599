/** `lectern workshop FILE.yaml`: builds a workshop kit. */
import { notAvailable } from './not-available.js';

export const workshop = notAvailable('workshop', 'workshop FILE.yaml', 'build a workshop kit: agenda, facilitator guide, participant pack');
