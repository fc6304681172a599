// What the render tests share: the default templates, lessons through the real pipeline, a render
// context around them, and Markdown read as plain text by remark (independent of the renderers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { analyzeLesson } from '../../src/pipeline.js';
import type { Lesson } from '../../src/model/lesson.js';
import type { DiagramAsset, RenderContext } from '../../src/render/context.js';
import { compileTemplates } from '../../src/render/templates.js';
import { defaultTemplatesDir, loadTemplateSources } from '../../src/output/template-files.js';

export const root = join(import.meta.dirname, '..', '..');
const loaded = loadTemplateSources([defaultTemplatesDir]);
export const assets = loaded.assets;
export const templates = compileTemplates(loaded.templates);

/** A lesson file of the repository through the real pipeline (without lint). */
export function load(path: string): Lesson {
  return analyzeLesson(new VFile({ path, value: readFileSync(join(root, path), 'utf8') }), { lint: false }).lesson;
}

/** Lesson Markdown through the real pipeline (without lint). */
export function analyze(markdown: string, path = 'lessons/module-9/9.1-sample.md'): Lesson {
  return analyzeLesson(new VFile({ path, value: markdown }), { lint: false }).lesson;
}

const diagram = (): DiagramAsset => ({ src: 'assets/d.svg', svg: '<svg><text>Docker Daemon</text></svg>', error: null });

/** A render context as the build makes it, with every diagram drawn as a small SVG. */
export function contextFor(lesson: Lesson, extra: Partial<RenderContext> = {}): RenderContext {
  return {
    lesson,
    courseTitle: 'Cloud Engineering',
    moduleTitle: 'Module 6: Containers',
    diagrams: lesson.diagrams.map(diagram),
    images: {},
    notes: null,
    notesDiagrams: [],
    links: { deck: 'deck.html', handout: 'handout.html', lab: 'lab.html', labInstructor: 'lab-instructor.html' },
    paper: 'a4',
    theme: 'lectern',
    version: '0.0.0-test',
    ...extra,
  };
}

/** Lessons the render tests run over: the seed, the sample module and the harder fixtures. */
export const LESSONS = {
  seed: 'tests/fixtures/seed/input.md',
  http: 'lessons/module-3-web-apis/3.1-http-fundamentals.md',
  rest: 'lessons/module-3-web-apis/3.2-restful-api-design.md',
  auth: 'lessons/module-3-web-apis/3.3-api-authentication.md',
  headingVariants: 'tests/fixtures/heading-variants/input.md',
  lectureNotes: 'tests/fixtures/lecture-notes/input.md',
  workbenchLoop: 'tests/fixtures/workbench-loop/input.md',
};

export const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Inline Markdown as plain text. */
export function plain(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
  return normal(toString(tree).replace(/<\/?(?:kbd|sub|sup)>/g, ''));
}

/** Every text leaf of block Markdown: paragraphs, headings, table cells, code lines. */
export function blockTexts(markdown: string): string[] {
  const source = markdown
    .split('\n')
    .filter((line) => !/^:{3,}/.test(line.trim()))
    .join('\n')
    // kramdown image attributes: the renderers print the alt text they carry.
    .replace(/!\[\]\(([^)\s]*)\)\{alt='([^']*)'\}/g, (_m, src: string, alt: string) => `![${alt.replace(/[[\]]/g, '')}](${src})`);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(source) as Root;
  const out: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'code') {
      for (const line of node.value.split('\n')) if (line.trim()) out.push(normal(line));
      return;
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const text = normal(toString(node).replace(/<\/?(?:kbd|sub|sup)>/g, ''));
      if (text) out.push(text);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return out;
}
