// Golden fixtures: tests/fixtures/<case>/input.md → lesson.json (the `lectern inspect --json` model).
// Rewrite goldens only on request: `UPDATE=1 npx vitest run tests/golden.test.ts`, then review the diff.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';

const root = join(import.meta.dirname, '..');
const fixtures = join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE === '1';

function inputOf(dir: string): string | null {
  const names = readdirSync(dir).filter((name) => /\.md$/.test(name) && name !== 'deck.md');
  if (names.includes('input.md')) return join(dir, 'input.md');
  return names.length === 1 ? join(dir, names[0]) : null;
}

describe('golden lesson models', () => {
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    const input = inputOf(dir);
    if (!input) continue;
    it(name, () => {
      const path = relative(root, input);
      const file = new VFile({ path, value: readFileSync(input) });
      const { lesson } = analyzeLesson(file, { fileExists: (absolute) => existsSync(absolute) });
      const actual = JSON.stringify(lesson, null, 2) + '\n';
      const golden = join(dir, 'lesson.json');
      if (update || !existsSync(golden)) writeFileSync(golden, actual);
      expect(actual).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
