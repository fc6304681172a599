/** `lectern serve [PATH...]`: previews the built output with live reload on 127.0.0.1. */
import { notAvailable } from './not-available.js';

export const serve = notAvailable('serve', 'serve [PATH...]', 'preview the built output with live reload on 127.0.0.1');
