// End to end: the real CLI builds the seed, the sample module and two problem lessons with real
// Chromium, and the PDFs are read back with poppler (text, page count, page size).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { Marp } from '@marp-team/marp-core';
import { ensureBuilt, lectern, pdfInfo, pdfText, root, type Run } from './helpers/cli.js';

let dir: string;
let first: Run;
let report: {
  lessons: Array<{ source: string; id: string; outDir: string; artifacts: string[]; diagnostics: Array<{ rule: string; severity: string; line: number }>; cacheHit: boolean }>;
  browserLaunched: boolean;
};

const out = (...parts: string[]) => join(dir, 'out', ...parts);
const seedDir = () => out('module-6', '6.7-docker-fundamentals');

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-e2e-'));
  cpSync(join(root, 'lessons'), join(dir, 'lessons'), { recursive: true });
  mkdirSync(join(dir, 'lessons', 'module-6'));
  cpSync(join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md'), join(dir, 'lessons', 'module-6', '6.7-docker-fundamentals.md'));
  cpSync(join(root, 'tests', 'e2e-lessons'), join(dir, 'lessons', 'module-9'), { recursive: true });
  first = lectern(['build', 'lessons', '--out', 'out'], dir);
  report = JSON.parse(readFileSync(out('build-report.json'), 'utf8'));
}, 600_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function lessonReport(id: string) {
  return report.lessons.find((lesson) => lesson.id === id)!;
}

describe('lectern build', () => {
  it('exits 1 because one lesson has an error, having built all the others', () => {
    expect(first.stderr).toMatch(/Built 7 lessons/);
    expect(first.status).toBe(1);
    for (const lesson of report.lessons) {
      expect(lesson.artifacts.some((artifact) => artifact.endsWith('deck.pdf')), lesson.id).toBe(true);
    }
  });

  it('writes the output layout of the contract', () => {
    for (const name of ['deck.md', 'deck.html', 'deck.pdf', 'handout.html', 'handout.pdf', 'lab.html', 'lab.pdf', 'lab-instructor.html', 'lab-instructor.pdf']) {
      expect(existsSync(join(seedDir(), name)), name).toBe(true);
    }
    expect(existsSync(out('index.html'))).toBe(true);
    // One SVG per diagram, plus the parts of those split to be read on slides.
    expect(readdirSync(join(seedDir(), 'assets')).filter((name) => name.endsWith('.svg') && !name.includes('-part-'))).toHaveLength(2);
  });

  it('makes a 16:9 deck PDF with one page per slide', () => {
    const markdown = readFileSync(join(seedDir(), 'deck.md'), 'utf8');
    const slides = new Marp({ html: false }).render(markdown).html.match(/<svg[^>]*data-marpit-svg/g)?.length ?? 0;
    const info = pdfInfo(join(seedDir(), 'deck.pdf'));
    expect(info.pages).toBe(slides);
    expect(slides).toBeGreaterThan(12);
    expect(info.width / info.height).toBeCloseTo(16 / 9, 2);
    expect(info.title).toContain('Docker Fundamentals');
  });

  it('puts the objectives, diagram labels, code and case studies into the deck PDF', () => {
    const text = pdfText(join(seedDir(), 'deck.pdf'));
    for (const expected of ['Understand container concepts', 'Practice Docker implementation', 'Docker Daemon', 'Container Runtime',
      'WORKDIR /app', 'CMD ["python", "app.py"]', 'postgres_data:', 'Microservices Migration', 'Development Environment', 'Inefficient builds']) {
      expect(text).toContain(expected);
    }
  });

  it('writes deck.md that plain marp converts', () => {
    const deck = join(seedDir(), 'deck.md');
    const html = join(dir, 'plain-marp.html');
    // --theme-set takes several values, so the input goes after `--`.
    execFileSync(process.execPath, [join(root, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js'), '--no-stdin', '--html=false', '-o', html, '--theme-set', join(root, 'templates', 'themes', 'lectern.css'), '--', deck], {
      cwd: dir,
      stdio: 'pipe',
    });
    expect(readFileSync(html, 'utf8')).toContain('Docker Fundamentals');
  });

  it('reports a broken diagram at its line, shows a placeholder and still builds the deck', () => {
    const lesson = lessonReport('9.1-broken-diagram');
    const error = lesson.diagnostics.find((d) => d.rule === 'mermaid-syntax');
    expect(error?.severity).toBe('error');
    expect(error?.line).toBeGreaterThanOrEqual(16);
    expect(error?.line).toBeLessThanOrEqual(19);
    expect(first.stdout).toMatch(/9\.1-broken-diagram\.md:1[6-9]:\d+\s+error\s+.*mermaid-syntax/);
    const text = pdfText(out('module-9', '9.1-broken-diagram', 'deck.pdf'));
    expect(text).toContain('Valid End');
    expect(text).toMatch(/could not be rendered/i);
  });

  it('never turns hostile lesson HTML into live HTML', () => {
    const base = out('module-9', '9.2-hostile-html');
    for (const name of ['deck.html', 'handout.html', 'lab.html', 'lab-instructor.html']) {
      const html = readFileSync(join(base, name), 'utf8');
      expect(html, name).not.toMatch(/<script[^>]*>\s*alert/i);
      expect(html, name).not.toMatch(/<iframe/i);
      expect(html, name).not.toMatch(/<img[^>]+onerror/i);
      // A live handler sits inside a real tag; escaped lesson text (&lt;img …) is harmless.
      expect(html, name).not.toMatch(/<[a-z][^>]*\son(?:error|mouseover)\s*=/i);
      expect(html, name).not.toMatch(/href\s*=\s*["']?javascript:/i);
      expect(html, name).not.toMatch(/class="[^"]*\bevil\b/);
    }
    expect(readFileSync(join(base, 'deck.md'), 'utf8')).not.toMatch(/^<!-- _class: evil -->$/m);
    // Math is off (the CLI is bundled without Marp's math engines): dollar signs print as written.
    expect(pdfText(join(base, 'deck.pdf'))).toContain('a cost of $x^2$ per $$E=mc^2$$ request');
    const bundleFiles = readdirSync(join(root, 'dist', 'bundle'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
    expect(bundleFiles.some((name) => name.startsWith('mermaid-node-'))).toBe(true);
    const bundle = bundleFiles.map((name) => readFileSync(join(root, 'dist', 'bundle', name), 'utf8')).join('\n');
    expect(bundle).toContain('node_modules/@marp-team/marp-core/');
    expect(bundle).not.toMatch(/node_modules\/(?:mathjax-full|katex)\//);
    const lesson = lessonReport('9.2-hostile-html');
    expect(lesson.diagnostics.some((d) => d.rule === 'remote-asset')).toBe(true);
  });

  it('writes a build report per lesson', () => {
    expect(report.lessons).toHaveLength(7);
    const seed = lessonReport('6.7-docker-fundamentals');
    expect(seed.source).toBe(join('lessons', 'module-6', '6.7-docker-fundamentals.md'));
    expect(seed.cacheHit).toBe(false);
    expect(seed.diagnostics.some((d) => d.rule === 'fence-language' && d.line === 101)).toBe(true);
    expect(report.browserLaunched).toBe(true);
  });

  it('leaves no slide overflowing in the seed, the sample lessons and a lesson of long content', () => {
    for (const lesson of report.lessons.filter((l) => !['9.1-broken-diagram', '9.2-hostile-html'].includes(l.id))) {
      expect(lesson.diagnostics.filter((d) => d.rule === 'slide-overflow'), lesson.id).toEqual([]);
    }
  });

  it('splits a 60-line code block and a 25-item list onto continuation slides without losing a line', () => {
    const text = pdfText(out('module-9', '9.3-long-content', 'deck.pdf'));
    for (let i = 0; i < 60; i++) expect(text).toContain(`x${i} = compute_value(${i}, factor=${i % 7})`);
    for (let i = 1; i <= 25; i++) expect(text).toContain(`Pitfall number ${i}:`);
    expect(text.match(/A Sixty-Line Script \(cont\.\)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(text.match(/Common Pitfalls \(cont\.\)/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('writes nothing outside the output folder', () => {
    expect(readdirSync(dir).sort()).toEqual(['lessons', 'out', 'plain-marp.html'].filter((name) => existsSync(join(dir, name))).sort());
    expect(readdirSync(join(dir, 'lessons', 'module-6'))).toEqual(['6.7-docker-fundamentals.md']);
  });

  it('skips unchanged lessons, rebuilds only an edited one, and starts no Chromium when nothing changed', () => {
    const before = statSync(join(seedDir(), 'deck.pdf')).mtimeMs;
    const second = lectern(['build', 'lessons', '--out', 'out'], dir);
    const again = JSON.parse(readFileSync(out('build-report.json'), 'utf8')) as typeof report;
    // Lessons with errors are rebuilt so their errors are reported again; the rest come from the cache.
    expect(again.lessons.filter((l) => l.cacheHit).map((l) => l.id).sort()).toEqual(
      report.lessons.filter((l) => !l.diagnostics.some((d) => d.severity === 'error')).map((l) => l.id).sort(),
    );
    expect(statSync(join(seedDir(), 'deck.pdf')).mtimeMs).toBe(before);
    expect(second.status).toBe(1);

    rmSync(join(dir, 'lessons', 'module-9'), { recursive: true });
    const edited = join(dir, 'lessons', 'module-3-web-apis', '3.3-api-authentication.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('## Common Pitfalls\n', '## Common Pitfalls\n- Logging bearer tokens in access logs\n'));
    expect(lectern(['build', 'lessons', '--out', 'out'], dir).status).toBe(0);
    const third = JSON.parse(readFileSync(out('build-report.json'), 'utf8')) as typeof report;
    expect(third.lessons.filter((l) => !l.cacheHit).map((l) => l.id)).toEqual(['3.3-api-authentication']);
    expect(pdfText(out('module-3-web-apis', '3.3-api-authentication', 'handout.pdf'))).toContain('Logging bearer tokens in access logs');
    expect(statSync(join(seedDir(), 'deck.pdf')).mtimeMs).toBe(before);

    expect(lectern(['build', 'lessons', '--out', 'out'], dir).status).toBe(0);
    const fourth = JSON.parse(readFileSync(out('build-report.json'), 'utf8')) as typeof report;
    expect(fourth.lessons.every((l) => l.cacheHit)).toBe(true);
    expect(fourth.browserLaunched).toBe(false);
  }, 300_000);

  it('exports a PPTX with --to pptx', async () => {
    const run = lectern(['build', 'lessons/module-6', '--out', 'pptx', '--to', 'pptx', '--formats', 'deck'], dir);
    expect(run.status).toBe(0);
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'pptx', 'module-6', '6.7-docker-fundamentals', 'deck.pptx')));
    const slides = Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
    const pages = pdfInfo(join(seedDir(), 'deck.pdf')).pages;
    expect(slides).toHaveLength(pages);
    expect(Object.keys(zip.files).some((name) => name.startsWith('ppt/notesSlides/'))).toBe(true);
    rmSync(join(dir, 'pptx'), { recursive: true });
  }, 180_000);

  it('starts no browser for --to md', () => {
    const md = lectern(['build', 'lessons/module-6', '--out', 'md-only', '--to', 'md', '--formats', 'deck'], dir);
    expect(md.status).toBe(0);
    const mdReport = JSON.parse(readFileSync(join(dir, 'md-only', 'build-report.json'), 'utf8')) as typeof report;
    expect(mdReport.browserLaunched).toBe(false);
    // The course root is lessons/, whichever part of it is built: the lesson keeps its module folder (issue 16).
    expect(readdirSync(join(dir, 'md-only', 'module-6', '6.7-docker-fundamentals')).sort()).toEqual(['deck.md']);
    rmSync(join(dir, 'md-only'), { recursive: true });
  });
});
