// The CLI's own promises (issue #20), through the real CLI and Chromium: the overflow warning, rebuilds
// on a template/theme/option change, `unsafe-path`, and exit 3 when Chromium is missing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, lectern, root } from './helpers/cli.js';

interface Report {
  lessons: Array<{ id: string; artifacts: string[]; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }>; cacheHit: boolean }>;
}

let dir: string;
const report = (out: string): Report => JSON.parse(readFileSync(join(dir, out, 'build-report.json'), 'utf8')) as Report;

// A 1×1 PNG; the secret one differs by a trailing chunk-free byte run, so its bytes are recognisable.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SECRET = Buffer.concat([PNG, Buffer.from('lectern-secret-bytes-0123456789')]);

const LESSON = `# Lesson 1.1: Volumes

## Learning Objectives
- Create a named volume for a database container

## Key Concepts

### Named volumes
- Docker manages where the data lives
- They survive the container

## Exercises

### Exercise 1: Keep the data
Create a volume \`pgdata\` and start Postgres with it.
`;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-promises-'));
  mkdirSync(join(dir, 'lessons', 'module-1'), { recursive: true });
  writeFileSync(join(dir, 'lessons', 'module-1', '1.1-volumes.md'), LESSON);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every file under `path`, recursively. */
function filesUnder(path: string): string[] {
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(path, entry.name)) : [join(path, entry.name)],
  );
}

describe('slide-overflow warns for what still overflows', () => {
  // Slides are measured in Chromium when the deck is printed, so these builds write the PDF.
  it('warns, with the slide and its line, when a theme makes text too big to fit at any scale', () => {
    // Slides at eight times the house font size: no split or shrink can make them fit.
    const house = readFileSync(join(root, 'templates', 'themes', 'lectern.css'), 'utf8');
    writeFileSync(join(dir, 'huge.css'), `${house.replace('/* @theme lectern */', '/* @theme huge */')}\nsection { font-size: 240px !important; }\n`);
    const run = lectern(['build', 'lessons', '--out', 'out-overflow', '--formats', 'deck', '--to', 'pdf', '--theme', 'huge.css'], dir);
    expect(run.status, run.stderr).toBe(0);
    const warnings = report('out-overflow').lessons[0]!.diagnostics.filter((d) => d.rule === 'slide-overflow');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.severity === 'warning' && w.line >= 1)).toBe(true);
    expect(warnings[0]!.message).toMatch(/^Slide \d+ \(".*"\) still overflows by \d+ px/);
    expect(run.stdout + run.stderr).toContain('slide-overflow');
  }, 300_000);

  it('gives no warning for the same lesson in the house theme (the twin)', () => {
    const run = lectern(['build', 'lessons', '--out', 'out-fits', '--formats', 'deck', '--to', 'pdf'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(report('out-fits').lessons[0]!.diagnostics.filter((d) => d.rule === 'slide-overflow')).toEqual([]);
  }, 300_000);
});

describe('a template, theme or option change rebuilds the lesson', () => {
  const build = (...extra: string[]) => {
    const run = lectern(['build', 'lessons', '--out', 'out-cache', '--formats', 'deck', '--to', 'md', '--templates', 'my-templates', ...extra], dir);
    expect(run.status, run.stderr).toBe(0);
    return report('out-cache').lessons[0]!;
  };
  const deckMd = () => readFileSync(join(dir, 'out-cache', 'module-1', '1.1-volumes', 'deck.md'), 'utf8');

  beforeAll(() => {
    cpSync(join(root, 'templates', 'deck.md.hbs'), join(dir, 'my-templates', 'deck.md.hbs'));
    const house = readFileSync(join(root, 'templates', 'themes', 'lectern.css'), 'utf8');
    writeFileSync(join(dir, 'mine.css'), house.replace('/* @theme lectern */', '/* @theme mine */'));
  });

  it('builds, then takes an unchanged lesson from the cache', () => {
    expect(build('--theme', 'mine.css').cacheHit).toBe(false);
    expect(build('--theme', 'mine.css').cacheHit).toBe(true);
  }, 300_000);

  it('rebuilds when a template changes, and the deck shows the change', () => {
    const template = join(dir, 'my-templates', 'deck.md.hbs');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\n<!-- template-marker-20 -->\n`);
    expect(deckMd()).not.toContain('template-marker-20');
    expect(build('--theme', 'mine.css').cacheHit).toBe(false);
    expect(deckMd()).toContain('template-marker-20');
  }, 300_000);

  it('rebuilds when the theme changes', () => {
    writeFileSync(join(dir, 'mine.css'), `${readFileSync(join(dir, 'mine.css'), 'utf8')}\nsection { letter-spacing: 0.01em; }\n`);
    expect(build('--theme', 'mine.css').cacheHit).toBe(false);
    expect(build('--theme', 'mine.css').cacheHit).toBe(true);
  }, 300_000);

  it('rebuilds when an option changes', () => {
    expect(build('--theme', 'mine.css', '--paper', 'letter').cacheHit).toBe(false);
    expect(build('--theme', 'mine.css', '--paper', 'letter').cacheHit).toBe(true);
  }, 300_000);
});

describe('images outside the course are never read', () => {
  beforeAll(() => {
    const course = join(dir, 'course');
    mkdirSync(join(course, 'module-1', 'img'), { recursive: true });
    writeFileSync(join(dir, 'secret.png'), SECRET);
    writeFileSync(join(course, 'module-1', 'img', 'inside.png'), PNG);
    writeFileSync(
      join(course, 'module-1', '1.1-volumes.md'),
      LESSON.replace('### Named volumes', '### Named volumes\n\n![A secret](../../secret.png)\n\n![The volume](img/inside.png)'),
    );
  });

  it('reports ../../secret.png as unsafe-path (an error, exit 1) and copies nothing of it', () => {
    const run = lectern(['build', 'course', '--out', 'out-unsafe', '--formats', 'deck', '--to', 'md'], dir);
    expect(run.status, run.stderr).toBe(1);
    const lesson = report('out-unsafe').lessons[0]!;
    const unsafe = lesson.diagnostics.filter((d) => d.rule === 'unsafe-path');
    expect(unsafe).toHaveLength(1);
    expect(unsafe[0]!.severity).toBe('error');
    expect(unsafe[0]!.message).toContain('../../secret.png');
    expect(run.stdout + run.stderr).toContain('unsafe-path');
    const written = filesUnder(join(dir, 'out-unsafe'));
    expect(written.filter((file) => statSync(file).size === SECRET.length && readFileSync(file).equals(SECRET))).toEqual([]);
    for (const file of written.filter((f) => /\.(?:md|html|json)$/.test(f))) expect(readFileSync(file, 'utf8')).not.toContain('lectern-secret-bytes');
    // The twin: the image inside the course is read and copied.
    expect(written.filter((file) => readFileSync(file).equals(PNG)).length).toBe(1);
  }, 300_000);
});

describe('exit 3 when Chromium is missing', () => {
  it('exits 3 with the cause on one line, not 1 as for a lesson error', () => {
    const run = lectern(['build', 'lessons', '--out', 'out-nochrome', '--formats', 'deck', '--to', 'pdf', '--no-cache'], dir, {
      CHROME_PATH: join(dir, 'no-such-chromium'),
    });
    expect(run.stderr).toMatch(/Cannot start Chromium \(.*no-such-chromium\)/);
    expect(run.status).toBe(3);
  }, 300_000);
});
