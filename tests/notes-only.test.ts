// When only a lesson's lecture notes changed, only its handout is made again (issue 11): which
// artifacts stay, and what the lesson's diagnostics become. Pure; the e2e proof is in nothing-changed.e2e.test.ts.
import { describe, it, expect } from 'vitest';
import { mergeArtifacts, mergeDiagnostics, notesOnlyRebuild } from '../src/orchestrate/notes-only.js';
import type { DocumentOptions } from '../src/orchestrate/documents.js';
import type { Diagnostic } from '../src/model/lesson.js';

const options: DocumentOptions = { formats: ['deck', 'handout', 'lab'], to: ['md', 'html', 'pdf'], paper: 'a4', handoutStyle: 'document', pdfNotes: false };
const previous = {
  inputs: 'x',
  artifacts: ['m/l/diagram-1-flow.svg', 'm/l/notes-diagram-1-flow.svg', 'm/l/deck.md', 'm/l/deck.pdf', 'm/l/handout.html', 'm/l/handout.pdf', 'm/l/lab.pdf', 'm/l/lab-instructor.pdf'],
  diagnostics: [],
};

describe('notesOnlyRebuild', () => {
  it('builds the handout alone and keeps every other artifact of the lesson', () => {
    const plan = notesOnlyRebuild(previous, options, 'm/l');
    expect(plan?.options).toEqual({ ...options, formats: ['handout'] });
    expect(plan?.kept).toEqual(['m/l/diagram-1-flow.svg', 'm/l/deck.md', 'm/l/deck.pdf', 'm/l/lab.pdf', 'm/l/lab-instructor.pdf']);
  });

  it('builds the whole lesson when the handout is the deck (slides style) or no handout is made', () => {
    expect(notesOnlyRebuild(previous, { ...options, handoutStyle: 'slides' }, 'm/l')).toBeNull();
    expect(notesOnlyRebuild(previous, { ...options, formats: ['deck', 'lab'] }, 'm/l')).toBeNull();
  });
});

describe('merging after a handout-only rebuild', () => {
  it('lists each artifact once, the kept ones first', () => {
    expect(mergeArtifacts(['a', 'b'], ['c', 'a'])).toEqual(['a', 'b', 'c']);
  });

  it("keeps what the deck and labs said last time and adds what is new, each once, in source order", () => {
    const d = (line: number, rule: string): Diagnostic => ({ severity: 'warning', rule, message: rule, line, column: 1 });
    expect(mergeDiagnostics([d(9, 'slide-overflow'), d(3, 'fence-language')], [d(3, 'fence-language'), d(5, 'wide-table')])).toEqual([d(3, 'fence-language'), d(5, 'wide-table'), d(9, 'slide-overflow')]);
  });
});
