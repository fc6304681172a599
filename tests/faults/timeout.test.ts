// `--timeout` (and the config's `timeout`) limits every browser call, in `watch` and `serve` as in
// `build`: watch once made its own Chromium with the default 60 s and ignored both. A limit of 1 ms
// is one no page can meet, so each lesson fails saying so, whichever call came first.
import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLectern } from '../helpers/cli.js';
import { taggedLectern, useSampleCourse } from './helpers.js';

const course = useSampleCourse('timeout');
// One lesson keeps the test short; the limit is the same for every lesson.
const lesson = 'course/module-3-web-apis/3.1-http-fundamentals.md';
const timedOut = /3\.1-http-fundamentals\.md:1:1\s+error\s+Cannot build this lesson: .*(?:in 1 ms|waiting 1 ?ms).*build-failed/;

async function watchOnce(args: string[]): Promise<string> {
  const cli = startLectern(['watch', lesson, '--formats', 'deck', '--to', 'pdf', ...args], course.dir);
  try {
    await cli.waitFor(() => /Watching course/.test(cli.stderr), 'the first build');
    return cli.stdout + cli.stderr;
  } finally {
    await cli.stop();
  }
}

describe('--timeout', () => {
  it('build: the lesson fails after 1 ms, naming the limit, and the process ends with the build', () => {
    const run = taggedLectern(['build', 'course', '--out', 'out-build', '--formats', 'deck', '--to', 'pdf', '--timeout', '0.001'], course.dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(timedOut);
    // Puppeteer keeps waiting 30 s for the page it was asked for; that wait must not hold the process.
    expect(run.ms).toBeLessThan(25_000);
    expect(run.leftovers()).toEqual([]);
  }, 60_000);

  it('watch: the flag', async () => {
    expect(await watchOnce(['--out', 'out-watch-flag', '--timeout', '0.001'])).toMatch(timedOut);
  }, 60_000);

  it('watch: the config key', async () => {
    writeFileSync(join(course.dir, 'lectern.config.yaml'), 'timeout: 0.001\n');
    try {
      expect(await watchOnce(['--out', 'out-watch-config'])).toMatch(timedOut);
    } finally {
      writeFileSync(join(course.dir, 'lectern.config.yaml'), '{}\n');
    }
  }, 60_000);

  it('the twin: watch without a limit builds the decks', async () => {
    const output = await watchOnce(['--out', 'out-watch-default']);
    expect(output).not.toMatch(/build-failed/);
    expect(output).toMatch(/Built 1 lesson, \d+ files written/);
  }, 60_000);
});
