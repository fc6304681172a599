// Issue 16: `check` reports what `build` reports. Over tests/fixtures-parity/course (two broken Mermaid
// diagrams, one that parses, a YAML example that does not), `check` (Mermaid's parser in Node, no
// browser) and `build` (real Chromium) give the same lesson errors, file:line:rule and words; with a
// bad key in lectern.config.json both stop the same way. Through the real CLI.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

interface Found { severity: string; rule: string; line: number; message: string }

let dir: string;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-parity-'));
  cpSync(join(root, 'tests', 'fixtures-parity'), dir, { recursive: true });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const errors = (file: string, diagnostics: Found[]) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => `${file}:${d.line}:${d.rule}  ${d.message}`);

describe('check and build report the same lesson errors (issue 16)', () => {
  it('broken Mermaid and a broken YAML example: same file:line:rule and message', () => {
    const check = lectern(['check', 'course', '--reporter', 'json', '--no-cache'], dir);
    expect(check.status, check.stderr).toBe(1);
    const checked = (JSON.parse(check.stdout) as Array<{ file: string; diagnostics: Found[] }>).flatMap((r) => errors(r.file, r.diagnostics)).sort();

    const build = lectern(['build', 'course', '--out', 'out', '--formats', 'deck', '--to', 'html', '--reporter', 'json', '--no-cache'], dir);
    expect(build.status, build.stderr).toBe(1);
    const built = (JSON.parse(build.stdout) as { lessons: Array<{ source: string; diagnostics: Found[] }> }).lessons.flatMap((l) => errors(l.source, l.diagnostics)).sort();

    expect(checked).toEqual(built);
    // Both broken diagrams at the lesson line of their mistake, in plain words; the good one is not named.
    expect(checked.filter((line) => line.includes('mermaid-syntax'))).toEqual([
      expect.stringMatching(/^course\/module-1\/1\.1-flow\.md:13:mermaid-syntax {2}Diagram "Request Path" does not parse at line 13 \(line 4 of the diagram\): a shape or label is not closed/),
      expect.stringMatching(/^course\/module-1\/1\.1-flow\.md:20:mermaid-syntax {2}Diagram "Login" does not parse at line 20 \(line 3 of the diagram\): the line ends too early where Mermaid expected a message after ":"$/),
    ]);
    for (const line of checked) expect(line).not.toMatch(/Expecting|'[A-Z_]{2,}'|Parse error/);
    expect(checked.some((line) => line.includes('1.2-ok.md'))).toBe(false);
    expect(checked.some((line) => line.includes(':config-syntax'))).toBe(true);
  });

  it('a bad key in lectern.config.json: both exit 2 with the same line naming the file and line', () => {
    const check = lectern(['check', '--no-cache'], join(dir, 'bad-config'));
    const build = lectern(['build', '--no-cache'], join(dir, 'bad-config'));
    expect(check.status).toBe(2);
    expect(build.status).toBe(2);
    expect(check.stderr).toMatch(/lectern\.config\.json:3: unknown setting "thme"/);
    expect(check.stderr).toBe(build.stderr);
  });
});
