// The sources record that lets the next build start Chromium at once (src/orchestrate/early-start.ts):
// what it says after an edit, how many edited files it sees, and that a file whose size and time are
// unchanged is not read again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { recordSources, sourcesChanged } from '../src/orchestrate/early-start.js';

let dir: string;
let out: string;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const record = () => JSON.parse(readFileSync(join(out, '.cache', 'sources.json'), 'utf8')) as { files: Record<string, { size: number; mtimeMs: number; hash: string }> };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-early-'));
  out = join(dir, 'out');
  writeFileSync(join(dir, 'a.md'), '# A\n');
  writeFileSync(join(dir, 'b.md'), '# B\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the sources record', () => {
  it('holds each file’s hash; after an edit, the new one; an edit is seen by the next build', async () => {
    const paths = [join(dir, 'a.md'), join(dir, 'b.md')];
    await recordSources(out, [dir], paths);
    expect(record().files[paths[0]!]!.hash).toBe(sha('# A\n'));
    expect(await sourcesChanged(out)).toBe(0);
    writeFileSync(paths[0]!, '# A, edited\n');
    expect(await sourcesChanged(out)).toBe(1);
    await recordSources(out, [dir], paths);
    expect(record().files[paths[0]!]!.hash).toBe(sha('# A, edited\n'));
    expect(record().files[paths[1]!]!.hash).toBe(sha('# B\n'));
    expect(await sourcesChanged(out)).toBe(0);
  });

  it('counts the edited files up to the number asked for; a file saved with the same text is not one', async () => {
    const paths = ['a', 'b', 'c'].map((name) => join(dir, `${name}.md`));
    writeFileSync(paths[2]!, '# C\n');
    await recordSources(out, [dir], paths);
    writeFileSync(paths[0]!, '# A, edited\n');
    writeFileSync(paths[1]!, '# B, edited\n');
    // Saved again with the same text: a new time, nothing to build.
    utimesSync(paths[2]!, new Date(), new Date(Date.now() + 5_000));
    expect(await sourcesChanged(out, 5)).toBe(2);
    expect(await sourcesChanged(out, 2)).toBe(2);
    // The first found is enough for the default question (whether anything changed).
    expect(await sourcesChanged(out)).toBe(1);
  });

  it('keeps the hash of a file whose size and time are unchanged without reading it, and reads one whose time changed', async () => {
    const paths = [join(dir, 'a.md'), join(dir, 'b.md')];
    await recordSources(out, [dir], paths);
    // A record whose hash for b.md is not b.md's: kept as it is while b.md's size and time are the same…
    const path = join(out, '.cache', 'sources.json');
    const tampered = record();
    tampered.files[paths[1]!]!.hash = 'not read again';
    writeFileSync(path, JSON.stringify({ roots: [dir], ...tampered }));
    await recordSources(out, [dir], paths);
    expect(record().files[paths[1]!]!.hash).toBe('not read again');
    // …and read again once its time is another.
    utimesSync(paths[1]!, new Date(), new Date(Date.now() + 5_000));
    await recordSources(out, [dir], paths);
    expect(record().files[paths[1]!]!.hash).toBe(sha('# B\n'));
  });
});
