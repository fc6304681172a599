// The deck renderer: lesson model → Marp Markdown, checked by rendering it with marp-core (html off,
// as the build does) and reading the slides, their text and their presenter notes back.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { Marp } from '@marp-team/marp-core';
import { analyzeLesson } from '../src/pipeline.js';
import type { Lesson, Outline } from '../src/model/lesson.js';
import type { RenderContext, DiagramAsset } from '../src/render/context.js';
import { compileTemplates, type Templates } from '../src/render/templates.js';
import { loadTemplateSources, defaultTemplatesDir } from '../src/output/template-files.js';
import { renderDeck, registerDeckHelpers, type DeckTuning, type DeckSlideInfo } from '../src/render/deck.js';
import { codeFence, commentText, yamlString, inlineMarkdown, inlinePlainText } from '../src/render/markdown-safe.js';
import { describeDiagram } from '../src/plan/diagram-description.js';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

let templates: Templates;
let theme: string;

beforeAll(() => {
  const sources = loadTemplateSources([defaultTemplatesDir]);
  templates = compileTemplates(sources.templates);
  theme = sources.assets['themes/lectern.css'];
});

function lessonOf(markdown: string, path = 'lessons/m/1.1-test.md'): Lesson {
  return analyzeLesson(new VFile({ path, value: markdown }), { lint: false }).lesson;
}

function contextOf(lesson: Lesson, diagrams?: DiagramAsset[]): RenderContext {
  return {
    lesson,
    courseTitle: 'DevOps Course',
    moduleTitle: 'Module 6: Containers',
    diagrams: diagrams ?? lesson.diagrams.map((_, index) => ({ src: `assets/d${index}.svg`, svg: null, error: null })),
    images: {},
    notes: null,
    notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper: 'a4',
    theme: 'lectern',
    version: '0.0.0-test',
  };
}

interface Rendered {
  markdown: string;
  slides: DeckSlideInfo[];
  html: string;
  /** Per slide: the HTML of its <section>. */
  sections: string[];
  comments: string[][];
}

function render(context: RenderContext, tuning?: DeckTuning): Rendered {
  const { markdown, slides } = renderDeck(context, templates, tuning);
  const marp = new Marp({ html: false, script: false, math: false, emoji: { shortcode: true, unicode: false } });
  marp.themeSet.add(theme);
  const { html, comments } = marp.render(markdown);
  const sections = html.split(/(?=<section\b)/).slice(1);
  return { markdown, slides, html, sections, comments };
}

/** Visible text of rendered HTML, entities decoded and whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<\/?(?:code|strong|em|a|span|b|i|kbd|del|s)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const plain = (markdown: string) => inlinePlainText(markdown);

function outlineTexts(items: Outline[], depth = 1): string[] {
  return items.flatMap((item) => (depth <= 3 ? [plain(item.text), ...outlineTexts(item.children, depth + 1)] : []));
}

describe('the seed lesson (6.7 Docker Fundamentals)', () => {
  let lesson: Lesson;
  let deck: Rendered;
  let text: string;

  beforeAll(() => {
    lesson = lessonOf(read('tests/fixtures/seed/input.md'), 'lessons/module-6/6.7-docker-fundamentals.md');
    deck = render(contextOf(lesson));
    text = textOf(deck.html);
  });

  it('describes every Marp slide, in order', () => {
    expect(deck.sections.length).toBe(deck.slides.length);
    expect(deck.comments.length).toBe(deck.slides.length);
    const kinds = deck.slides.map((slide) => slide.kind).filter((kind, index, all) => kind !== all[index - 1]);
    expect(kinds).toEqual([
      'title', 'agenda', 'objectives', 'concept', 'diagram', 'example', 'practices', 'case-study', 'pitfalls',
      'summary', 'next-steps', 'resources',
    ]);
    expect(deck.slides.filter((slide) => slide.kind === 'concept').map((slide) => slide.key)).toEqual(['concept:0', 'concept:1']);
    expect(deck.slides[0]).toMatchObject({ key: 'title', line: 1 });
    expect(deck.slides.find((slide) => slide.key === 'concept:1')?.line).toBe(lesson.concepts[1].line);
  });

  it('opens as a Marp deck with the lesson in the header and the module and course in the footer', () => {
    expect(deck.markdown).toMatch(/^---\nmarp: true\ntheme: 'lectern'\npaginate: true\nsize: 16:9\n/);
    expect(deck.markdown).toContain("header: 'Lesson 6.7 · Docker Fundamentals'");
    expect(deck.markdown).toContain("footer: 'Module 6: Containers · DevOps Course'");
    expect(deck.sections[1]).toContain('<header>Lesson 6.7 · Docker Fundamentals</header>');
    expect(deck.sections[0]).toContain('class="title"');
    expect(deck.sections[0]).not.toContain('data-marpit-pagination=');
  });

  it('shows every objective, concept item (to depth 3), practice, case-study line, pitfall, next step and resource', () => {
    const expected = [
      ...lesson.objectives.map((item) => item.text),
      ...lesson.concepts.flatMap((concept) => [concept.title, ...outlineTexts(concept.items)]),
      ...lesson.practices.flatMap((group) => group.items.flatMap((item) => [item.title, ...item.points])),
      ...lesson.caseStudies.flatMap((study) => [study.challenge, ...study.solution, ...study.results]),
      ...lesson.pitfalls.map((item) => item.text),
      ...lesson.nextSteps.map((item) => item.text),
      ...lesson.resources.map((item) => item.text),
    ].map(plain);
    expect(expected.length).toBeGreaterThan(60);
    for (const item of expected) expect(text).toContain(item);
  });

  it('shows both diagrams as images', () => {
    for (const [index, diagram] of lesson.diagrams.entries()) {
      const slide = deck.slides.findIndex((info) => info.key === `diagram:${index}`);
      expect(deck.slides[slide].title).toBe(diagram.title);
      expect(deck.sections[slide]).toContain(`src="assets/d${index}.svg"`);
      expect(deck.sections[slide]).toContain('class="diagram"');
    }
  });

  it('fences the Dockerfile example as dockerfile and names the file', () => {
    expect(deck.markdown).toContain('```dockerfile\n# Base image\nFROM python:3.9-slim');
    const slide = deck.slides.findIndex((info) => info.key === 'example:0');
    expect(deck.sections[slide]).toContain('language-dockerfile');
    expect(textOf(deck.sections[slide])).toContain('Dockerfile · dockerfile');
    // Long code continues on the next slide, without losing a line.
    const code = deck.slides
      .map((info, index) => (info.key === 'example:0' ? textOf(deck.sections[index]) : ''))
      .join(' ');
    for (const line of lesson.examples[0].code.split('\n').filter((l) => l.trim())) expect(code).toContain(textOf(line));
  });

  it('gives every slide presenter notes with timing and a transition', () => {
    deck.comments.forEach((notes, index) => {
      expect(notes.length, `slide ${index + 1} has notes`).toBeGreaterThan(0);
      const joined = notes.join('\n');
      expect(joined).toMatch(/Timing ≈ \d/);
      if (index < deck.slides.length - 1) expect(joined).toContain(`Next: ${deck.slides[index + 1].title}`);
    });
  });

  it('narrates the architecture diagram from its Mermaid edges', () => {
    const slide = deck.slides.findIndex((info) => info.key === 'diagram:0');
    const notes = deck.comments[slide].join('\n');
    expect(notes).toContain('Docker Client leads to Docker Daemon.');
    expect(notes).toContain('Docker Daemon leads to Container Runtime, Image Management and Network Management.');
  });

  it('lays concepts and best practices out as cards, case studies as three columns', () => {
    const concept = deck.slides.findIndex((info) => info.key === 'concept:0');
    expect(deck.sections[concept]).toMatch(/class="concept cards cols-3"/);
    const study = deck.slides.findIndex((info) => info.key === 'case-study:0');
    expect(deck.sections[study]).toMatch(/class="case-study"/);
    expect((deck.sections[study].match(/<h3/g) ?? []).length).toBe(3);
  });

  it('is pure and repeatable: the same input renders the same deck', () => {
    expect(render(contextOf(lesson)).markdown).toBe(deck.markdown);
  });
});

describe('splitting long content', () => {
  const code = Array.from({ length: 60 }, (_, i) => (i % 10 === 9 ? '' : `echo "step ${i + 1}"`)).join('\n');
  const pitfalls = Array.from({ length: 25 }, (_, i) => `- Pitfall number ${i + 1} in the list`).join('\n');
  const source = `# Lesson 1.1: Long Things\n\n## Learning Objectives\n- Explain long things\n\n## Code Examples\n\n### A Long Script\n\`\`\`bash\n${code}\n\`\`\`\n\n## Common Pitfalls\n${pitfalls}\n`;
  let lesson: Lesson;
  let deck: Rendered;

  beforeAll(() => {
    lesson = lessonOf(source);
    deck = render(contextOf(lesson));
  });

  it('splits a 60-line code block into at least 4 slides, never inside a line', () => {
    const parts = deck.slides.filter((slide) => slide.key === 'example:0');
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts[0].title).toBe('A Long Script');
    for (const part of parts.slice(1)) expect(part.title).toBe('A Long Script (cont.)');
    const shown = deck.markdown.match(/^echo "step \d+"$/gm) ?? [];
    expect(shown.length).toBe(54);
    for (const fence of deck.markdown.split('```bash\n').slice(1)) {
      const body = fence.slice(0, fence.indexOf('\n```'));
      expect(body.split('\n').length).toBeLessThanOrEqual(18);
    }
  });

  it('splits a 25-item pitfall list into at least 3 slides', () => {
    const parts = deck.slides.filter((slide) => slide.key === 'pitfalls');
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.slice(1).every((part) => part.title === 'Common Pitfalls (cont.)')).toBe(true);
    const text = textOf(deck.html);
    for (const item of lesson.pitfalls) expect(text).toContain(item.text);
  });

  it('splits more when tuned, and shrinks with the scale', () => {
    const before = deck.slides.filter((slide) => slide.key === 'example:0').length;
    const split = render(contextOf(lesson), { 'example:0': { split: before + 2 } });
    expect(split.sections.length).toBe(split.slides.length);
    expect(split.slides.filter((slide) => slide.key === 'example:0').length).toBeGreaterThanOrEqual(before + 2);

    const seed = lessonOf(read('tests/fixtures/seed/input.md'));
    const plainDeck = render(contextOf(seed));
    const three = render(contextOf(seed), { 'example:0': { split: 3 } });
    expect(three.slides.length).toBeGreaterThan(plainDeck.slides.length);

    const scaled = render(contextOf(seed), { 'example:1': { scale: 0.8 } });
    const index = scaled.slides.findIndex((slide) => slide.key === 'example:1');
    expect(scaled.sections[index]).toMatch(/class="example shrink-80"/);
    expect(scaled.slides.length).toBe(plainDeck.slides.length);
  });
});

describe('safety: lesson text never becomes HTML, a directive, a note or a slide', () => {
  const hostile = (rule: boolean) => `# Lesson 9.9: Hostile <script>alert(1)</script>

## Learning Objectives
- Explain <script>alert(1)</script> safely
- Describe <img src=x onerror=alert(1)> images
- Visit [x](javascript:alert(1)) and <!-- _class: evil --> comments
- Spend $5 and $10 on \`code <b>\`

## Key Concepts

### Concept <!-- _class: evil -->
- Item <iframe src="https://evil.example"></iframe>
  - Sub ![tracker](https://evil.example/pixel.png)

## Code Examples

### Fences inside
\`\`\`\`markdown
\`\`\`
<!-- _class: evil -->
---
\`\`\`
\`\`\`\`

## Background

Some text before.

<!-- _class: evil -->

<script>alert(1)</script>
${rule ? '\n---\n' : ''}
More text after [click](javascript:alert(1)) and <a href="javascript:alert(1)">a</a>.

<img src=x onerror=alert(1)>
`;

  let deck: Rendered;
  let withoutRule: Rendered;

  beforeAll(() => {
    deck = render(contextOf(lessonOf(hostile(true))));
    withoutRule = render(contextOf(lessonOf(hostile(false))));
  });

  it('renders no script, event handler, javascript: link, iframe or evil class', () => {
    const { html } = deck;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<[a-z][^>]*\sonerror=/i);
    // Not even as visible text: tags shown as text lose their handlers and script URLs.
    expect(html).not.toMatch(/\son(?:error|mouseover)\s*=\s*["']?alert/i);
    expect(html).not.toMatch(/href\s*=\s*["']?javascript:/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toMatch(/class="[^"]*evil/);
    expect(html).not.toMatch(/src="https:\/\/evil/);
  });

  it('shows the hostile text as text instead', () => {
    const text = textOf(deck.html);
    expect(text).toContain('Explain <script>alert(1)</script> safely');
    expect(text).toContain('Describe <img src=x> images');
    expect(text).toContain('More text after click and <a>a</a>.');
    // Links to javascript: keep their text only; HTML comments are dropped.
    expect(text).toContain('Visit x and comments');
    expect(text).toContain('Spend $5 and $10 on code <b>');
    expect(text).toContain('image: tracker');
  });

  it('keeps code that contains fences, comments and rules inside one code block', () => {
    const slide = deck.slides.findIndex((info) => info.kind === 'example');
    expect(slide).toBeGreaterThan(0);
    expect(deck.markdown).toContain('````markdown\n```\n<!-- _class: evil -->\n---\n```\n````');
    expect(textOf(deck.sections[slide])).toContain('``` <!-- _class: evil --> --- ```');
  });

  it('ignores a thematic break inside a section: same slides as without it', () => {
    expect(deck.sections.length).toBe(deck.slides.length);
    expect(deck.slides.length).toBe(withoutRule.slides.length);
    expect(deck.slides.map((slide) => slide.key)).toEqual(withoutRule.slides.map((slide) => slide.key));
  });

  it('keeps notes intact: none is read as a directive, none ends early', () => {
    expect(deck.comments.every((notes) => notes.length === 1)).toBe(true);
    const tricky = lessonOf(`# Lesson 1.2: Notes\n\n## Key Concepts\n\n### Arrows --> and <!-- comments\n- class: evil\n  - footer: evil --> x\n`);
    const notes = render(contextOf(tricky));
    expect(notes.sections.length).toBe(notes.slides.length);
    expect(notes.html).not.toMatch(/class="[^"]*evil/);
    expect(notes.html).not.toContain('<footer>evil');
    const concept = notes.slides.findIndex((slide) => slide.kind === 'concept');
    expect(notes.comments[concept]).toHaveLength(1);
    expect(notes.comments[concept][0]).toContain('class: evil');
  });

  it('quotes header text for YAML and Markdown', () => {
    const tricky = lessonOf("# Lesson 1.3: It's 'quoted': #1 <b>x</b> *\n\n## Learning Objectives\n- Do it\n");
    const out = render(contextOf(tricky));
    expect(out.markdown).toContain("header: 'Lesson 1.3 · It''s ''quoted'': #1 x \\*'");
    expect(out.sections[1]).toContain("<header>Lesson 1.3 · It's 'quoted': #1 x *</header>");
  });
});

describe('Carpentries episodes and other lesson shapes', () => {
  it('turns a workbench episode into a deck without showing code twice', () => {
    const lesson = lessonOf(read('tests/fixtures/workbench-loop/input.md'));
    const deck = render(contextOf(lesson));
    expect(deck.sections.length).toBe(deck.slides.length);
    const kinds = new Set(deck.slides.map((slide) => slide.kind));
    expect([...kinds]).toEqual(['title', 'agenda', 'objectives', 'section', 'exercises', 'summary']);
    // Every example's code is on a section slide, so there are no example slides repeating it.
    for (const example of lesson.examples) {
      const firstLine = example.code.split('\n')[0];
      expect(deck.markdown.split(firstLine).length - 1).toBeGreaterThanOrEqual(1);
    }
    expect(deck.slides.filter((slide) => slide.kind === 'example')).toHaveLength(0);
    // Sections come in lesson order, each with a stable key per sub-heading chunk.
    const sectionTitles = [...new Set(deck.slides.filter((slide) => slide.kind === 'section').map((slide) => slide.title.replace(/ \(cont\.\)$/, '')))];
    expect(sectionTitles).toEqual(lesson.sections.map((section) => plain(section.title)));
    expect(deck.comments.every((notes) => notes.length > 0)).toBe(true);
    // Exercises show titles and one-line prompts and point at the lab sheet.
    const text = textOf(deck.html);
    for (const exercise of lesson.exercises) expect(text).toContain(plain(exercise.title));
    expect(text).toContain('Full instructions in the lab sheet: lab.pdf');
    // Callouts become quotes; <kbd> keys become text; no solution is shown.
    expect(deck.html).toContain('<blockquote>');
    expect(deck.html).not.toContain('&lt;kbd&gt;');
    expect(text).toContain('Ctrl+C');
  });

  it('renders the sample module lessons: sequence and state diagrams, resources with links, exercises, review', () => {
    for (const name of ['3.1-http-fundamentals', '3.2-restful-api-design', '3.3-api-authentication']) {
      const lesson = lessonOf(read(`lessons/module-3-web-apis/${name}.md`));
      const deck = render(contextOf(lesson));
      expect(deck.sections.length, name).toBe(deck.slides.length);
      expect(deck.comments.every((notes) => notes.length > 0), name).toBe(true);
      const text = textOf(deck.html);
      for (const resource of lesson.resources) {
        expect(text).toContain(plain(resource.text));
        if (resource.url) expect(deck.html).toContain(`href="${resource.url}"`);
      }
      for (const question of lesson.reviewQuestions) expect(text).toContain(plain(question.text));
      expect(deck.slides.filter((slide) => slide.kind === 'diagram')).toHaveLength(lesson.diagrams.length);
    }
    const http = lessonOf(read('lessons/module-3-web-apis/3.1-http-fundamentals.md'));
    const deck = render(contextOf(http));
    const slide = deck.slides.findIndex((info) => info.key === 'diagram:0');
    expect(deck.comments[slide].join('\n')).toContain('Client sends Resolve api.example.com to DNS Resolver');
  });

  it('narrates sequence diagrams message by message', () => {
    const lesson = lessonOf(read('tests/fixtures/heading-variants/input.md'));
    expect(describeDiagram(lesson.diagrams[0])).toEqual([
      'User sends kubectl apply to API Server.',
      'API Server replies to User with deployment created.',
    ]);
    // Deeper outline levels fold into their parent on the slide and are spelled out in the notes.
    const deck = render(contextOf(lesson));
    const concept = deck.slides.findIndex((info) => info.key === 'concept:0');
    expect(textOf(deck.sections[concept])).toContain('Pod template — Containers');
    expect(deck.comments[concept].join('\n')).toContain('Pod template → Containers');
    // The instructor notes section is in the notes, not on a slide.
    expect(deck.slides.some((info) => /Instructor Notes/.test(info.title))).toBe(false);
    expect(deck.comments.flat().join('\n')).toContain('Allow extra time if the cluster is slow to pull images.');
  });

  it('shows a visible placeholder for a diagram that failed to render', () => {
    const lesson = lessonOf(read('tests/fixtures/seed/input.md'));
    const deck = render(
      contextOf(lesson, [
        { src: null, svg: null, error: 'Parse error on line 2: unexpected ->' },
        { src: 'assets/d1.svg', svg: null, error: null },
      ]),
    );
    const slide = deck.slides.findIndex((info) => info.key === 'diagram:0');
    expect(deck.sections[slide]).toContain('class="diagram placeholder"');
    expect(deck.sections[slide]).not.toContain('<img');
    expect(textOf(deck.sections[slide])).toContain('Diagram could not be rendered Parse error on line 2: unexpected ->');
  });

  it('turns mermaid in a section into the diagram image, and remote images into links', () => {
    const lesson = lessonOf(
      '# Lesson 1.4: Pictures\n\n## Overview\n\nHow it flows:\n\n```mermaid\ngraph LR\n  A[Browser] --> B[Server]\n```\n\n![Logo](https://example.com/logo.png)\n\n![Local](fig/local.png)\n',
    );
    const context = contextOf(lesson);
    context.images = { 'fig/local.png': { original: 'fig/local.png', src: 'assets/local.png' } };
    const deck = render(context);
    expect(deck.html).toContain('src="assets/d0.svg"');
    expect(deck.html).toContain('src="assets/local.png"');
    expect(deck.html).not.toMatch(/<img[^>]*src="https:/);
    expect(deck.html).toContain('<a href="https://example.com/logo.png">image: Logo</a>');
    // The diagram is shown where the section has it, not again on a slide of its own.
    expect(deck.slides.filter((slide) => slide.kind === 'diagram')).toHaveLength(0);
  });
});

describe('markdown-safe', () => {
  it('fences code with more backticks than any run inside', () => {
    expect(codeFence('a\n````\nb', 'md')).toBe('`````md\na\n````\nb\n`````');
    expect(codeFence('x', 'yaml {.line-numbers}')).toBe('```yaml\nx\n```');
  });

  it('escapes what Markdown, Marp and HTML comments would read', () => {
    expect(inlineMarkdown('<script>x</script> $a$ [y](javascript:z) ![i](http://h/i.png)')).toBe(
      '\\<script>x\\</script> \\$a\\$ y \\[[image: i](http://h/i.png)]',
    );
    expect(commentText('a --> b --!> c <!-- d')).toBe('a → b → c ‹! d');
    expect(yamlString("it's\nfine")).toBe("'it''s fine'");
  });

  it('registers its helpers once', () => {
    registerDeckHelpers(templates);
    registerDeckHelpers(templates);
    expect(typeof templates.env.helpers['md-inline']).toBe('function');
  });
});
