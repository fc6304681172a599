/**
 * Makes micromark's event edits cost what they change, not what the document holds.
 *
 * micromark's `EditMap.consume` rebuilds the whole event list for every edit, and the document
 * tokenizer edits the list each time a list item, list or blockquote closes (and on every lazy
 * line). A lesson with thousands of list items therefore parsed in quadratic time: 432 KB took
 * 6 s and 4 MB more than 300 s. Applying the same edits in place, from the last to the first, gives
 * the same list (the edits never overlap, and each keeps the indexes of those before it) but only
 * moves the events after the first edit, which for the document tokenizer are the last few.
 */
import { EditMap } from 'micromark-util-edit-map';
import { splice } from 'micromark-util-chunked';
import type { Event } from 'micromark-util-types';

type Change = [at: number, remove: number, add: Event[]];

function consumeInPlace(this: { map: Change[]; index: Map<number, Change> }, events: Event[]): void {
  this.map.sort((a, b) => a[0] - b[0]);
  for (let index = this.map.length - 1; index >= 0; index--) {
    const [at, remove, add] = this.map[index]!;
    splice(events, at, remove, add);
  }
  this.map.length = 0;
  this.index.clear();
}

(EditMap.prototype as unknown as { consume: typeof consumeInPlace }).consume = consumeInPlace;
