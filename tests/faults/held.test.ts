// What held before the faults work and must keep holding, each with a test: Ctrl-C mid-build, an
// unwritable output folder, a file size limit, two builds into one folder, refused encodings, a
// workshop plan naming a system file, odd file names and a symlink loop.
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { lectern, root } from '../helpers/cli.js';
import { processesTagged, useSampleCourse, taggedLectern } from './helpers.js';

const course = useSampleCourse('held');

describe('held', () => {
  it('Ctrl-C mid-build: ends by SIGINT (130), no half-written file, no Chromium left', async () => {
    const tag = randomUUID();
    const child = spawn(process.execPath, [join(root, 'bin', 'lectern.js'), 'build', 'course', '--out', 'out-sigint'], {
      cwd: course.dir,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', LECTERN_PROFILE: '1', LECTERN_TEST_RUN: tag },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    // Interrupted once Chromium is up and pages print.
    for (const until = Date.now() + 60_000; !/: deck pdf|: handout/.test(output) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    expect(output).toMatch(/: deck pdf|: handout/);
    const sent = Date.now();
    child.kill('SIGINT');
    const { code, signal } = await exited;
    // About a second on a quiet machine; 11 s under a full suite beside other work (seen). A build that
    // ignored the signal would run to its end or never end: the bound catches a hang, not a slow machine.
    expect(Date.now() - sent).toBeLessThan(30_000);
    expect(signal === 'SIGINT' || code === 130, `code ${code}, signal ${signal}`).toBe(true);
    const files = readdirSync(join(course.dir, 'out-sigint'), { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    // Chromium's helpers are killed with their process group; give the kernel a moment to take them.
    for (const until = Date.now() + 5_000; processesTagged(tag).length > 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
    expect(processesTagged(tag)).toEqual([]);
  }, 90_000);

  it('Ctrl-C in the middle of writing a PDF: the temporary file is removed, the process ends by SIGINT', async () => {
    const tag = randomUUID();
    const out = join(course.dir, 'out-sigint-write');
    // Each PDF write holds its temporary file for 3 s before the rename: the signal lands in the middle of one.
    const child = spawn(process.execPath, [join(root, 'bin', 'lectern.js'), 'build', 'course', '--out', 'out-sigint-write', '--formats', 'handout'], {
      cwd: course.dir,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', LECTERN_TEST_RUN: tag, LECTERN_TEST_HOLD_WRITES: '3000:.pdf' },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const temps = () => (existsSync(out) ? readdirSync(out, { recursive: true }).map(String).filter((file) => file.endsWith('.tmp')) : []);
    // A printed PDF being written: Chromium is up, and the write is held open.
    for (const until = Date.now() + 60_000; !temps().some((file) => /\.pdf\.\d+\.[0-9a-f]+\.tmp$/.test(file)) && Date.now() < until; ) await new Promise((r) => setTimeout(r, 50));
    expect(temps().some((file) => file.includes('.pdf.'))).toBe(true);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(signal === 'SIGINT' || code === 130, `code ${code}, signal ${signal}`).toBe(true);
    expect(temps()).toEqual([]);
    // Chromium's helpers are killed with their process group; give the kernel a moment to take them.
    for (const until = Date.now() + 5_000; processesTagged(tag).length > 0 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
    expect(processesTagged(tag)).toEqual([]);
  }, 90_000);

  it('an unwritable --out: exit 3 with one line', () => {
    writeFileSync(join(course.dir, 'a-file'), '');
    const run = lectern(['build', 'course', '--out', 'a-file/out', '--to', 'md'], course.dir);
    expect(run.status).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^lectern: Cannot write to the output folder .*a-file\/out: ENOTDIR/)]);
  });

  it('a file size limit (ulimit -f): exit 3 with one line naming the output folder', () => {
    const bin = join(root, 'bin', 'lectern.js');
    const run = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" "${bin}" build course --out out-ulimit --to md`], { cwd: course.dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain(`lectern: Cannot write to the output folder ${join(course.dir, 'out-ulimit')}: a file is larger than allowed (EFBIG). Raise the file size limit (ulimit -f)`);
  });

  it('two builds into one --out at once: both succeed and leave a valid report and index', async () => {
    const bin = join(root, 'bin', 'lectern.js');
    const start = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [bin, 'build', 'course', '--out', 'out-twice', '--to', 'md,html'], { cwd: course.dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      });
    expect(await Promise.all([start(), start()])).toEqual([0, 0]);
    const report = JSON.parse(readFileSync(join(course.dir, 'out-twice', 'build-report.json'), 'utf8')) as { lessons: unknown[] };
    expect(report.lessons).toHaveLength(3);
    expect(readFileSync(join(course.dir, 'out-twice', 'index.html'), 'utf8')).toContain('</html>');
    const files = readdirSync(join(course.dir, 'out-twice'), { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('NUL bytes, invalid UTF-8 and UTF-16 are refused, each with its file', () => {
    mkdirSync(join(course.dir, 'encodings'));
    writeFileSync(join(course.dir, 'encodings', 'nul.md'), Buffer.from('# Title\0\n'));
    writeFileSync(join(course.dir, 'encodings', 'latin1.md'), Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(course.dir, 'encodings', 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n', 'utf16le')]));
    const run = lectern(['check', 'encodings'], course.dir);
    expect(run.status).toBe(1);
    for (const name of ['nul', 'latin1', 'utf16']) expect(run.stdout).toContain(`encodings/${name}.md: not UTF-8 text`);
  });

  it('a workshop plan naming a system file: exit 2 at its line', () => {
    writeFileSync(join(course.dir, 'plan.yaml'), 'title: Day\nstart: "09:00"\nslot: 6h\nlessons:\n  - /etc/passwd\n');
    const run = lectern(['workshop', 'plan.yaml', '--out', 'out-workshop'], course.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/plan\.yaml:5:\d+: \/etc\/passwd is not a Markdown lesson/);
  });

  it('odd file names and a symlink loop: every lesson found once, the walk ends', () => {
    const odd = join(course.dir, 'odd');
    cpSync(join(course.dir, 'course'), odd, { recursive: true });
    const module = join(odd, 'module-3-web-apis');
    const text = readFileSync(join(module, '3.1-http-fundamentals.md'), 'utf8');
    for (const name of ['3.4 with spaces.md', '3.5-ünïcødé.md', '-3.6-dash.md', '3.7-#hash&amp;.md']) writeFileSync(join(module, name), text);
    symlinkSync('..', join(module, 'loop'));
    const run = taggedLectern(['check', 'odd'], course.dir);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^8 files checked/m);
  });
});
