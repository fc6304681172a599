import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../src/errors.js';
import { compareNatural, findLessonFiles, readLessonFile } from '../src/read/read-lesson.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-read-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function readError(path: string, options?: { maxBytes?: number }): Promise<InputError> {
  const error = await readLessonFile(path, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('readLessonFile', () => {
  it('removes the BOM and normalises CRLF and lone CR to LF, keeping line numbers', async () => {
    const path = await put('crlf.md', '\uFEFF# Title\r\n\r\n## Part\r\nText\rMore\r\n');
    const file = await readLessonFile(path);
    expect(String(file)).toBe('# Title\n\n## Part\nText\nMore\n');
    expect(String(file).split('\n')).toHaveLength(6);
    expect(file.path).toBe(path);
  });

  it('keeps the given relative path and resolves it against cwd', async () => {
    await put('sub/rel.md', '# Rel\n');
    const file = await readLessonFile('sub/rel.md', { cwd: dir });
    expect(file.path).toBe('sub/rel.md');
    expect(file.cwd).toBe(dir);
    expect(String(file)).toBe('# Rel\n');
  });

  it('refuses an empty or whitespace-only file, naming it', async () => {
    const empty = await put('empty.md', '');
    expect((await readError(empty)).message).toBe(`${empty}: file is empty`);
    const blank = await put('blank.md', ' \n\r\n\t\n');
    expect((await readError(blank)).message).toBe(`${blank}: file is empty`);
  });

  it('refuses a binary file (PNG header) and invalid UTF-8', async () => {
    const png = await put('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    expect((await readError(png)).message).toBe(`${png}: not UTF-8 text (binary file?)`);
    const latin1 = await put('latin1.md', new Uint8Array([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    expect((await readError(latin1)).message).toBe(`${latin1}: not UTF-8 text (binary file?)`);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.md');
    const handle = await open(path, 'w');
    await handle.truncate(Math.round(6.2 * 1024 * 1024)); // sparse: instant, no real data
    await handle.close();
    const error = await readError(path);
    expect(error.message).toBe(`${path}: file is 6.2 MB, larger than the 5 MB limit`);
    expect(error.exitCode).toBe(1);
    const small = await put('small.md', '# Small lesson with more than ten bytes\n');
    expect((await readError(small, { maxBytes: 10 })).message).toMatch(/larger than the 0 MB limit$/);
  });

  it('names a missing file and a folder', async () => {
    expect((await readError(join(dir, 'nope.md'))).message).toBe(`${join(dir, 'nope.md')}: file not found`);
    await mkdir(join(dir, 'folder.md'), { recursive: true });
    expect((await readError(join(dir, 'folder.md'))).message).toContain('is a folder');
  });
});

describe('findLessonFiles', () => {
  it('expands folders recursively in natural order, skipping tooling and dot folders', async () => {
    const root = join(dir, 'course');
    for (const name of [
      'module-10/10.1-a.md',
      'module-2/2.1-b.md',
      'module-6/6.10-j.md',
      'module-6/6.2-b.md',
      'module-6/6.9-i.markdown',
      'module-6/README.md',
      'module-6/notes.txt',
      'module-6/node_modules/x.md',
      'module-6/.drafts/y.md',
      'output/z.md',
      '.git/w.md',
    ]) {
      await put(join('course', name), '# x\n');
    }
    const { files, missing } = await findLessonFiles([root]);
    expect(missing).toEqual([]);
    expect(files.map((file) => file.slice(root.length + 1))).toEqual([
      'module-2/2.1-b.md',
      'module-6/6.2-b.md',
      'module-6/6.9-i.markdown',
      'module-6/6.10-j.md',
      'module-6/README.md',
      'module-10/10.1-a.md',
    ]);
  });

  it('keeps file paths as given, relative to cwd, drops duplicates and lists missing paths', async () => {
    const { files, missing } = await findLessonFiles(['course/module-6/', 'course/module-6/6.2-b.md', 'course/module-6/notes.txt', 'course/notes.txt', 'gone'], {
      cwd: dir,
    });
    expect(files).toEqual([
      'course/module-6/6.2-b.md',
      'course/module-6/6.9-i.markdown',
      'course/module-6/6.10-j.md',
      'course/module-6/README.md',
      'course/module-6/notes.txt',
    ]);
    expect(missing).toEqual(['course/notes.txt', 'gone']);
  });

  it('sorts numbers naturally', () => {
    expect(['6.10', '6.9', '6.2', '6.1'].sort(compareNatural)).toEqual(['6.1', '6.2', '6.9', '6.10']);
  });
});
