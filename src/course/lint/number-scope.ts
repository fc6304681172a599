/**
 * Where a lesson number must be unique. A dotted number ("6.7") names a lesson course-wide. A plain number
 * that is also the page's place in its folder's sequence (`01-intro.md` titled "1. Introduction") only
 * orders the pages of that folder: tutorial modules each start again at 01, so such numbers are compared
 * per folder (issue 19). Pure.
 */
import { dirname } from 'node:path';

/** The leading sequence number of a file name: `01-intro` → 1, `2_more` → 2; null for `4_1_2_x` or none. */
const SEQUENCE = /^(\d+)(?=[-_ .][^\d]|$)/;

/** The key under which lessons with this number clash: the number itself, or the folder and the number. */
export function numberScope(path: string, id: string, number: string): string {
  const sequence = SEQUENCE.exec(id)?.[1];
  if (/^\d+$/.test(number) && sequence !== undefined && Number(sequence) === Number(number)) return `${dirname(path)}\0${Number(number)}`;
  return number;
}
