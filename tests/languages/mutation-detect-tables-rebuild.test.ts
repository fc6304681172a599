// The derived tables (src/languages/tables.ts) are built once per registry version, by whichever call
// comes first: this file checks what a rebuild puts in them within the test that causes it, so a
// wrong table shows in the very test that built it. Also a starter's last line, kept as written
// (README › Mutation testing).
import { afterEach, describe, expect, it } from 'vitest';
import { registerLanguage } from '../../src/languages/registry.js';
import { starterCode } from '../../src/languages/starters.js';
import { coveredBy, lintAccepted } from '../../src/languages/tables.js';

const unregister: Array<() => void> = [];
afterEach(() => {
  while (unregister.length > 0) unregister.pop()!();
});

describe('a rebuild after a registration', () => {
  it('lists what each label covers and what the lint accepts under it', () => {
    unregister.push(registerLanguage({ kind: 'mdx', covers: ['markdown'], lintAccepts: ['jsx'] }));
    expect([lintAccepted('mdx'), lintAccepted('typescript'), lintAccepted('python')]).toEqual([['markdown', 'jsx'], ['javascript', 'json'], []]);
    expect([coveredBy('mdx'), coveredBy('typescript'), coveredBy('python')]).toEqual([['markdown'], ['javascript', 'json'], undefined]);
  });
});

describe('starterCode', () => {
  it('keeps a last comment line as written, without the blank lines after it', () => {
    expect(starterCode('print("hi")\n# the end\n\n', 'python')).toBe(starterCode('print("hi")\n# the end', 'python'));
    expect(starterCode('print("hi")\n# the end\n\n', 'python').endsWith('# the end')).toBe(true);
  });
});
