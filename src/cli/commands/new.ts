/** `lectern new TITLE`: scaffolds a new lesson in the house format. */
import { notAvailable } from './not-available.js';

export const newLesson = notAvailable('new', 'new TITLE', 'scaffold a new lesson in the house format');
