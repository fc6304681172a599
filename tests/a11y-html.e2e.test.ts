// WCAG 2.1 AA in every HTML page Lectern writes: axe-core (all wcag2a, wcag2aa, wcag21a, wcag21aa
// rules) on the real Chromium over the seed, the sample lessons, three shell-novice episodes (one
// in its styles dialect too) and episodes of python-novice-inflammation: decks
// (every slide), handouts in both styles, both lab sheets, the index, document pages, the workshop
// agenda and facilitator guide, a module book's contents page, and pages as `lectern serve` shows them.
// A twin builds the seed's deck with a low-contrast theme and watches axe fail.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../src/browser/manager.js';
import { axeFile, describeViolations } from './helpers/axe.js';
import { ensureBuilt, lectern, root, startLectern, type Run } from './helpers/cli.js';
import { templates } from './helpers/render.js';

let dir: string;
let manager: BrowserManager;
const runs: Record<string, Run> = {};
const out = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-a11y-html-'));
  const course = out('course');
  cpSync(join(root, 'lessons'), course, { recursive: true });
  mkdirSync(join(course, 'module-6-containers'));
  cpSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), join(course, 'module-6-containers', '6.7-docker-fundamentals.md'));
  // Three workbench episodes: images, nested lists, a long find/grep lesson (the others add pages, not cases).
  mkdirSync(join(course, 'shell-novice'));
  for (const episode of ['01-intro.md', '04-pipefilter.md', '07-find.md']) {
    cpSync(join(root, 'tests', 'corpus', 'shell-novice', 'workbench', episode), join(course, 'shell-novice', episode));
  }
  // The other dialect and the second corpus: a few episodes each (their pages share the templates, so
  // these add what differs: `:::` styles blocks, images, plots, multi-question challenges, tracebacks).
  mkdirSync(join(course, 'shell-novice-styles'));
  cpSync(join(root, 'tests', 'corpus', 'shell-novice', 'styles', '04-pipefilter.md'), join(course, 'shell-novice-styles', '04-pipefilter.md'));
  mkdirSync(join(course, 'python-novice'));
  for (const episode of ['03-matplotlib.md', '08-func.md', '09-errors.md']) {
    cpSync(join(root, 'tests', 'corpus', 'python-novice-inflammation', 'episodes', episode), join(course, 'python-novice', episode));
  }
  writeFileSync(
    out('workshop.yaml'),
    'title: Web APIs Morning\nstart: "09:00"\nslot: 3h\nlessons:\n  - course/module-3-web-apis/3.1-http-fundamentals.md\n  - course/module-6-containers/6.7-docker-fundamentals.md\nbreaks:\n  - { at: "10:30", minutes: 15, title: Coffee }\n',
  );
  writeFileSync(out('low.css'), '/* @theme low */\n@import "lectern";\nsection { color: #c8c8c8; background: #ffffff; }\nsection h1, section h2 { color: #d0d0d0; }\n');
  // HTML only: the PDFs are another test's business, and printing them would only slow this one down.
  runs.course = lectern(['build', 'course', '--out', 'out', '--to', 'md,html'], dir);
  // The kit and the slides-style handout show lessons the course build drew the diagrams of: their
  // folders start with its diagram cache (SVGs named by their source's hash), so Mermaid is not run
  // for the same diagrams twice more. The pages are what this test checks, and they are the same.
  for (const folder of ['kit', 'slides']) cpSync(out('out', '.cache', 'diagrams'), out(folder, '.cache', 'diagrams'), { recursive: true });
  // Its own folder: a kit written into out/ would add a second copy of two lessons' pages to the course
  // check and replace the course's index with the kit's.
  runs.workshop = lectern(['workshop', 'workshop.yaml', '--out', 'kit', '--to', 'md,html'], dir);
  runs.slides = lectern(['build', 'course/module-6-containers', '--out', 'slides', '--formats', 'handout', '--handout-style', 'slides', '--to', 'html'], dir);
  // Any deck shows the theme's colours: one without diagrams needs no Mermaid.
  runs.low = lectern(['build', 'course/shell-novice-styles', '--out', 'low', '--formats', 'deck', '--to', 'html', '--theme', 'low.css'], dir);
  manager = new BrowserManager({ allowedRoots: [dir] });
}, 900_000);
afterAll(async () => {
  await manager?.close();
  rmSync(dir, { recursive: true, force: true });
});

function htmlUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html') && !name.startsWith('.cache'))
    .map((name) => join(folder, name))
    .sort();
}

/** A deck shows every slide at once, as without its viewer script (and as it prints). */
async function everySlide(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.classList.remove('lectern-view'));
}

/** axe over `files`, two pages at a time (each page's renderer is its own process: both cores work). */
async function violationsIn(files: readonly string[]): Promise<string[]> {
  const found: string[][] = files.map(() => []);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      if (process.env.LECTERN_TEST_VERBOSE) process.stderr.write(`axe ${file}\n`);
      const violations = await axeFile(manager, file, /\/deck(\.served)?\.html$/.test(file) ? everySlide : undefined);
      found[index] = describeViolations(file.slice(dir.length + 1), violations);
    }
  };
  await Promise.all([worker(), worker()]);
  return found.flat();
}

describe('axe-core, WCAG 2.1 A and AA', () => {
  it('builds everything', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}: ${run.stderr}${run.stdout}`).toBeLessThan(2);
  });

  it('finds nothing in the course’s pages: decks, handouts, labs, index, documents', async () => {
    const files = htmlUnder(out('out'));
    const names = files.map((file) => file.slice(out('out').length + 1));
    expect(names).toEqual(
      expect.arrayContaining([
        'index.html',
        'module-6-containers/6.7-docker-fundamentals/deck.html',
        'module-6-containers/6.7-docker-fundamentals/handout.html',
        'module-6-containers/6.7-docker-fundamentals/lab.html',
        'module-6-containers/6.7-docker-fundamentals/lab-instructor.html',
        'module-3-web-apis/3.2-restful-api-design/handout.html',
        'shell-novice/01-intro/handout.html',
        'shell-novice/04-pipefilter/lab-instructor.html',
        'shell-novice-styles/04-pipefilter/handout.html',
        'python-novice/03-matplotlib/handout.html',
        'python-novice/08-func/lab-instructor.html',
        'python-novice/09-errors/deck.html',
      ]),
    );
    expect(await violationsIn(files)).toEqual([]);
  }, 600_000);

  it('finds nothing in the workshop agenda and facilitator guide, nor in the kit’s index', async () => {
    const files = [out('kit', 'workshop', 'agenda.html'), out('kit', 'workshop', 'facilitator-guide.html'), out('kit', 'index.html')];
    expect(await violationsIn(files)).toEqual([]);
  }, 120_000);

  it('finds nothing in the slides-style handout', async () => {
    expect(await violationsIn(htmlUnder(out('slides')))).toEqual([]);
  }, 120_000);

  it('finds nothing in a module book’s contents page', async () => {
    const html = templates.render('course/book-contents.html', {
      title: 'Module 6: Handouts',
      courseTitle: 'Cloud Course',
      moduleTitle: 'Module 6: Containers',
      bookTitle: 'Handouts',
      pageSize: 'A4',
      rows: [{ number: '6.7', title: 'Docker Fundamentals', page: 2 }, { number: '6.8', title: 'Kubernetes', page: 14 }],
    });
    writeFileSync(out('contents.html'), html);
    expect(await violationsIn([out('contents.html')])).toEqual([]);
  }, 60_000);

  it('finds nothing in the pages `lectern serve` shows (live reload added)', async () => {
    // What serve adds is the same on every page; a lesson without diagrams needs no Mermaid (the seed's
    // pages are checked above).
    const server = startLectern(['serve', 'course/shell-novice-styles', '--out', 'out-serve', '--to', 'md,html', '--port', '0'], dir);
    try {
      await server.waitFor(() => {
        // A server that died will never print its address: fail now, with its output.
        if (server.child.exitCode !== null) throw new Error(`lectern serve exited: ${server.stderr}`);
        return /http:\/\/127\.0\.0\.1:\d+/.test(server.stdout) && /Built \d+ lesson/.test(server.stderr + server.stdout);
      }, 'the first build', 300_000);
      const base = /http:\/\/127\.0\.0\.1:\d+/.exec(server.stdout + server.stderr)![0];
      const pages = ['index.html', '04-pipefilter/handout.html', '04-pipefilter/lab.html', '04-pipefilter/deck.html'];
      const files: string[] = [];
      for (const page of pages) {
        const response = await fetch(`${base}/${page}`);
        expect(response.status, page).toBe(200);
        const served = await response.text();
        expect(served, page).toContain('/__lectern/reload.js');
        // Saved beside the original, so its relative assets resolve as they do when served.
        const file = out('out-serve', page.replace(/\.html$/, '.served.html'));
        writeFileSync(file, served);
        files.push(file);
      }
      expect(await violationsIn(files)).toEqual([]);
    } finally {
      await server.stop();
    }
  }, 600_000);

  it('fails a deck built with a low-contrast theme', async () => {
    const found = await violationsIn(htmlUnder(out('low')).filter((file) => file.endsWith('deck.html')));
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/color-contrast/);
  }, 120_000);
});
