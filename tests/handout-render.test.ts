// The printable handout: every text item of the lesson is in it, no solution is, lesson text never
// becomes live HTML, lecture notes are appended, and the paper size reaches the CSS.
import { describe, it, expect } from 'vitest';
import type { Lesson, Outline } from '../src/model/lesson.js';
import { figureCaption, renderHandout, renderSlidesHandout } from '../src/render/handout.js';
import { safeUrl } from '../src/render/html-escape.js';
import { tokenize, visibleText } from './helpers/html.js';
import { analyze as analyzeAt, assets, blockTexts, contextFor, LESSONS, load, normal, plain, templates } from './helpers/render.js';

const analyze = (markdown: string, path = 'lessons/module-9/9.1-hostile.md') => analyzeAt(markdown, path);

function outlineTexts(items: Outline[]): string[] {
  return items.flatMap((item) => [item.text, ...outlineTexts(item.children)]);
}

/** Every text the handout must show for a lesson. */
function expectedTexts(lesson: Lesson): string[] {
  const texts: string[] = [];
  texts.push(lesson.title);
  for (const item of [...lesson.objectives, ...lesson.questions, ...lesson.keypoints, ...lesson.pitfalls, ...lesson.reviewQuestions, ...lesson.nextSteps]) {
    texts.push(plain(item.text));
  }
  for (const concept of lesson.concepts) texts.push(plain(concept.title), ...outlineTexts(concept.items).map(plain));
  for (const d of lesson.diagrams) texts.push(figureCaption(d));
  for (const example of lesson.examples) for (const line of example.code.split('\n')) if (line.trim()) texts.push(normal(line));
  for (const group of lesson.practices) for (const item of group.items) texts.push(plain(item.title), ...item.points.map(plain));
  for (const study of lesson.caseStudies) {
    texts.push(plain(study.title), ...study.solution.map(plain), ...study.results.map(plain));
    if (study.challenge) texts.push(plain(study.challenge));
  }
  for (const resource of lesson.resources) {
    texts.push(plain(resource.text));
    if (resource.url) texts.push(resource.url);
  }
  for (const exercise of lesson.exercises) texts.push(...blockTexts(exercise.prompt), ...exercise.steps.map(plain));
  for (const section of lesson.sections) {
    if (/instructor/i.test(section.title)) continue;
    texts.push(plain(section.title), ...blockTexts(section.markdown));
  }
  return texts.filter(Boolean);
}

/** Solution text that appears nowhere else in the lesson: it must not be printed. */
function solutionOnlyTexts(lesson: Lesson): string[] {
  const elsewhere = normal(
    [
      ...lesson.exercises.flatMap((e) => [e.prompt, ...e.steps, ...e.hints]),
      ...lesson.sections.map((s) => s.markdown),
      ...lesson.examples.map((e) => e.code),
    ].join('\n'),
  );
  return lesson.exercises
    .flatMap((e) => (e.solution ? blockTexts(e.solution) : []))
    .filter((text) => text.length >= 8 && !elsewhere.includes(text));
}

// ---- the tests ---------------------------------------------------------------------------------

describe('handout content', () => {
  for (const [name, path] of Object.entries(LESSONS)) {
    describe(name, () => {
      const lesson = load(path);
      const handout = renderHandout(contextFor(lesson), templates, { assets });
      const text = visibleText(handout.html);

      it('prints every text item of the lesson', () => {
        const missing = expectedTexts(lesson).filter((expected) => !text.includes(expected));
        expect(missing).toEqual([]);
      });

      it('prints no solution', () => {
        const leaked = solutionOnlyTexts(lesson).filter((solution) => text.includes(solution));
        expect(leaked).toEqual([]);
      });

      it('has a title, author, header/footer templates and an h1–h3 outline', () => {
        expect(handout.title).toContain(lesson.title);
        const { tags } = tokenize(handout.html);
        expect(tags.find((t) => t.name === 'title')?.raw).toBe(handout.title);
        expect(tags.some((t) => t.name === 'meta' && t.attrs.some((a) => a.name === 'name' && a.value === 'author'))).toBe(true);
        expect(handout.headerTemplate).toContain('font-size');
        expect(handout.footerTemplate).toContain('<span class="pageNumber"></span>');
        expect(handout.footerTemplate).toContain('<span class="totalPages"></span>');
        expect(handout.outline[0]).toEqual({ title: lesson.title, level: 1 });
        expect(handout.outline.every((h) => h.level >= 1 && h.level <= 3)).toBe(true);
        // No heading skips a level on the way down.
        handout.outline.reduce((previous, heading) => {
          expect(heading.level).toBeLessThanOrEqual(previous + 1);
          return heading.level;
        }, 1);
      });

      it('loads nothing from outside: no scripts, no remote resources', () => {
        for (const tag of tokenize(handout.html).tags) {
          expect(tag.name).not.toBe('script');
          expect(tag.name).not.toBe('link');
          const src = tag.attrs.find((a) => a.name === 'src')?.value;
          if (src !== undefined) expect(src).not.toMatch(/^(?:https?:)?\/\//i);
        }
      });
    });
  }
});

describe('handout layout', () => {
  const seed = load(LESSONS.seed);
  const html = renderHandout(contextFor(seed), templates, { assets }).html;
  const text = visibleText(html);

  it('opens with the cover: course, module, lesson number, title', () => {
    expect(text.startsWith('Cloud Engineering Module 6: Containers Lesson 6.7 Docker Fundamentals')).toBe(true);
  });

  it('shows the duration when the lesson gives it', () => {
    const auth = load(LESSONS.auth);
    const authText = visibleText(renderHandout(contextFor(auth), templates, { assets }).html);
    expect(authText).toContain('50 min (30 min teaching + 20 min exercises)');
  });

  it('lists objectives as a checklist', () => {
    expect(text).toContain('☐ Understand container concepts');
  });

  it('numbers the figures and inlines their SVG', () => {
    expect(text).toContain('Figure 1: Docker Architecture');
    expect(text).toContain('Figure 2: Container Lifecycle');
    expect(html).toContain('<svg><text>Docker Daemon</text></svg>');
  });

  it('shows a failed diagram as a placeholder with its error, escaped', () => {
    const context = contextFor(seed);
    context.diagrams[0] = { src: null, svg: null, error: 'Parse error on line 2: <script>x</script>' };
    const out = renderHandout(context, templates, { assets }).html;
    expect(visibleText(out)).toContain('Diagram not available Parse error on line 2: <script>x</script>');
    expect(out).not.toContain('<script>x</script>');
  });

  it('labels code with its file name and language, numbered and highlighted', () => {
    expect(html).toMatch(/<span class="code-file">Dockerfile<\/span>/);
    expect(html).toMatch(/<span class="code-file">docker-compose\.yml<\/span><span class="code-lang">YAML<\/span>/);
    expect(html).toContain('<pre class="code numbered">');
    expect(html).toMatch(/<span class="hljs-keyword">FROM<\/span>/);
  });

  it('boxes case studies with Challenge, Solution and Results', () => {
    expect(text).toContain('Microservices Migration Challenge Migrate monolithic application to containers Solution Containerized services');
    expect(html).toContain('class="card case-study"');
  });

  it('ends with a page of ruled lines for notes', () => {
    expect(html).toMatch(/<h2>Notes<\/h2>\s*<div class="ruled"[^>]*>(?:<div class="rule"><\/div>){20,}/);
  });

  it('prints resource URLs after their text, as links only when safe', () => {
    const lesson = analyze(`# Lesson 1.1: Links

## Additional Resources
- [Docs](https://example.com/docs)
- [Mail us](mailto:team@example.com)
- [Bad](javascript:alert(1))
- [Local](./notes.md)
`);
    const out = renderHandout(contextFor(lesson), templates, { assets }).html;
    const links = tokenize(out).tags.filter((t) => t.name === 'a').map((t) => t.attrs.find((a) => a.name === 'href')?.value);
    expect(links).toContain('https://example.com/docs');
    expect(links.every((href) => safeUrl(href) !== null)).toBe(true);
    expect(links).not.toContain('./notes.md');
    const outText = visibleText(out);
    expect(outText).toContain('Docs https://example.com/docs');
    expect(outText).toContain('Bad javascript:alert(1)');
  });

  it('places an introduction section before the objectives, in source order', () => {
    const lesson = load(LESSONS.headingVariants);
    const out = visibleText(renderHandout(contextFor(lesson), templates, { assets }).html);
    expect(out.indexOf('Introduction')).toBeLessThan(out.indexOf('Learning objectives'));
  });

  it('keeps instructor notes out of the handout', () => {
    const lesson = load(LESSONS.headingVariants);
    const out = visibleText(renderHandout(contextFor(lesson), templates, { assets }).html);
    expect(out).not.toContain('Allow extra time if the cluster is slow to pull images.');
  });

  it('renders Carpentries callouts as boxes with their title, code in place', () => {
    const lesson = load(LESSONS.workbenchLoop);
    const out = renderHandout(contextFor(lesson), templates, { assets }).html;
    expect(out).toMatch(/<aside class="callout callout-callout"><p class="callout-label">Callout<span class="callout-title">Follow the Prompt<\/span>/);
    // Code shown in the prose is not repeated in a separate examples part.
    expect(out).not.toContain('<h2>Code examples</h2>');
    expect(visibleText(out).split('$ head -n 5 basilisk.dat minotaur.dat unicorn.dat').length).toBe(2);
  });

  it('turns a Mermaid block inside a section into its numbered figure', () => {
    const lesson = analyze(`# Lesson 1.2: Flow

## Overview

Some text.

\`\`\`mermaid
graph TD
  A --> B
\`\`\`
`);
    expect(lesson.diagrams).toHaveLength(1);
    const out = renderHandout(contextFor(lesson), templates, { assets }).html;
    expect(out).toContain('<svg><text>Docker Daemon</text></svg>');
    expect(out.match(/Figure 1:/g)).toHaveLength(1);
    expect(out).not.toContain('A --&gt; B');
  });

  it('prints remote images as links and never loads them', () => {
    const lesson = analyze(`# Lesson 1.3: Images

## Overview

![Cat](https://example.com/cat.png) and ![Local](fig/local.png) and ![Gone](fig/missing.png)
`);
    const out = renderHandout(
      contextFor(lesson, { images: { 'fig/local.png': { original: 'fig/local.png', src: 'assets/local.png' }, 'fig/missing.png': { original: 'fig/missing.png', src: null } } }),
      templates,
      { assets },
    ).html;
    const text = visibleText(out);
    expect(text).toContain('[image: Cat]');
    expect(text).toContain('[image: Gone]');
    const imgs = tokenize(out).tags.filter((t) => t.name === 'img').map((t) => t.attrs.find((a) => a.name === 'src')?.value);
    expect(imgs).toEqual(['assets/local.png']);
  });
});

describe('lecture notes', () => {
  const lesson = load(LESSONS.headingVariants);
  const notes = load(LESSONS.lectureNotes);

  it('appends them as a second part after a page break, rendered the same way', () => {
    const html = renderHandout(contextFor(lesson, { notes, notesDiagrams: [] }), templates, { assets }).html;
    const text = visibleText(html);
    const start = text.indexOf('Lecture notes Databases for Web Services');
    expect(start).toBeGreaterThan(text.indexOf('Next steps'));
    const part = text.slice(start);
    // The part is titled "Lecture notes"; the notes' own title loses its "Lecture Notes:" prefix.
    for (const expected of expectedTexts(notes)) expect(part).toContain(expected.replace(/^Lecture Notes: /, ''));
    for (const leaked of solutionOnlyTexts(notes)) expect(part).not.toContain(leaked);
    expect(html).toMatch(/<div class="part part-notes">/);
    expect(assets['styles/handout.css']).toMatch(/\.part-notes\s*\{[^}]*break-before:\s*page/);
  });

  it('is absent without notes', () => {
    const text = visibleText(renderHandout(contextFor(lesson), templates, { assets }).html);
    expect(text).not.toContain('Lecture notes');
  });
});

describe('paper size', () => {
  const lesson = load(LESSONS.seed);
  it('is A4 by default', () => {
    const html = renderHandout(contextFor(lesson), templates, { assets }).html;
    expect(html).toContain('class="document handout paper-a4"');
    expect(html).toMatch(/@page \{ size: A4; margin: 18mm 16mm 20mm; \}\s*<\/style>/);
  });
  it('is Letter when asked', () => {
    const html = renderHandout(contextFor(lesson, { paper: 'letter' }), templates, { assets }).html;
    expect(html).toContain('class="document handout paper-letter"');
    expect(html).toMatch(/@page \{ size: letter; margin: 18mm 16mm 20mm; \}\s*<\/style>/);
  });
});

describe('hostile lesson text never becomes live HTML', () => {
  const hostile = `# Lesson 6.6: <script>alert('title')</script>

## Learning Objectives
- Understand <script>alert(1)</script> things
- Click <img src=x onerror="alert(2)"> here

## Key Concepts

### <iframe src="https://evil.example/"></iframe>
- [item](javascript:alert(3))
  - <svg onload="alert(4)"></svg>

## Configuration Examples

### Breakout
\`\`\`html
</code></pre><script>alert(5)</script>
<img src=x onerror=alert(6)>
\`\`\`

## Common Pitfalls
- <a href="javascript:alert(7)">raw link</a>
- [JS link](JaVaScRiPt:alert(8)) and <javascript:alert(9)> and [data](data:text/html;base64,PHNjcmlwdD4=)

## Additional Resources
- [Evil](javascript:alert(10))
- Plain javascript:alert(11)

## Notes Section

<iframe src="https://evil.example/frame"></iframe>

<div onmouseover="alert(12)">hover</div>

![x](javascript:alert(13)) ![y](https://evil.example/track.png)

::: callout
## <script>alert(14)</script>
Body with <style>body{display:none}</style>
:::
`;
  const lesson = analyze(hostile);
  const context = contextFor(lesson);
  const outputs = {
    handout: renderHandout(context, templates, { assets }).html,
    slides: renderSlidesHandout(context, templates, { slidesHtml: ['<svg data-marpit-svg=""><foreignObject><section>Slide</section></foreignObject></svg>'], css: 'section{}</style><script>alert(15)</script>', notes: ['<script>alert(16)</script> [x](javascript:alert(17))'] }, { assets }).html,
  };

  for (const [name, html] of Object.entries(outputs)) {
    it(`${name}: no script, iframe, event handler or script URL survives`, () => {
      const found: string[] = [];
      const { tags } = tokenize(html);
      for (const tag of tags) {
        if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'link', 'frame', 'frameset'].includes(tag.name)) found.push(tag.name);
        if (tag.name === 'meta' && tag.attrs.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'refresh')) found.push('meta refresh');
        for (const attr of tag.attrs) {
          if (/^on/.test(attr.name)) found.push(`${tag.name}[${attr.name}]`);
          if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(attr.name) && /^(?:javascript|vbscript|data):/i.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) {
            found.push(`${tag.name}[${attr.name}=${attr.value}]`);
          }
        }
      }
      // Exactly the style sheets Lectern puts in the head; lesson text adds none.
      expect(tags.filter((t) => t.name === 'style')).toHaveLength(name === 'slides' ? 2 : 1);
      expect(found).toEqual([]);
    });
  }

  it('shows the hostile text as text', () => {
    const text = visibleText(outputs.handout);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain('</code></pre><script>alert(5)</script>');
  });
});

describe('slides handout', () => {
  const lesson = load(LESSONS.seed);
  const slides = Array.from({ length: 7 }, (_, i) => `<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section id="${i + 1}">Slide ${i + 1}</section></foreignObject></svg>`);
  const notes = slides.map((_, i) => (i % 2 === 0 ? `Say **point** ${i + 1}.` : ''));
  const css = 'div.marpit > svg > foreignObject > section { color: red; }@page {size:1280px 720px;margin:0}@media print{html, body{margin:0}div.marpit > svg[data-marpit-svg]{height:100vh}}';
  const html = renderSlidesHandout(contextFor(lesson), templates, { slidesHtml: slides, css, notes }, { assets }).html;

  it('puts three slides on each page, each beside its notes or ruled lines', () => {
    const pages = tokenize(html).tags.filter((t) => t.attrs.some((a) => a.name === 'class' && /\bslides-page\b/.test(a.value)));
    expect(pages).toHaveLength(3);
    const text = visibleText(html);
    expect(text).toContain('Say point 1.');
    expect(html.match(/class="slide-notes slide-notes--lines"/g)).toHaveLength(3);
    for (const slide of slides) expect(html).toContain(slide);
    expect(html).toContain('div.marpit > svg > foreignObject > section { color: red; }');
  });

  it("drops the deck's print rules, which would make every slide a landscape page", () => {
    expect(html).not.toContain('1280px 720px');
    expect(html).not.toContain('100vh');
  });
});

describe('Workbench blocks on the handout (issue #15)', () => {
  const names = ['callout', 'testimonial', 'caution', 'discussion', 'checklist', 'prereq', 'spoiler', 'hint', 'mystery-box'];
  const source = [
    '---', 'title: Blocks', '---', '', '## Body', '',
    ...names.flatMap((name) => [`::: ${name}`, `## Title of ${name}`, `Text of ${name}.`, ':::', '']),
    '::: group-tab', '### Windows', 'Use PowerShell.', '', '### macOS', 'Use Terminal.', ':::', '',
    '::: instructor', 'Only for whoever teaches this.', ':::', '',
  ].join('\n');
  const html = renderHandout(contextFor(analyzeAt(source)), templates, { assets }).html;
  const text = visibleText(html);

  it('shows every block type as a labelled box, in place, with its title and text', () => {
    for (const name of names) {
      expect(text).toContain(`Title of ${name}`);
      expect(text).toContain(`Text of ${name}.`);
      expect(html).toContain(`callout-${name}`);
    }
    expect(text).toContain('Prerequisite');
    expect(text.indexOf('Text of callout.')).toBeLessThan(text.indexOf('Text of mystery-box.'));
  });

  it('shows every tab of a tab group under its own heading', () => {
    expect(html).toMatch(/<aside class="callout callout-group-tab"><p class="callout-label">Options<\/p>/);
    expect(html).toMatch(/<h\d class="prose-heading">Windows<\/h\d>[\s\S]*Use PowerShell\.[\s\S]*<h\d class="prose-heading">macOS<\/h\d>[\s\S]*Use Terminal\./);
  });

  it('never shows an instructor block', () => {
    expect(text).not.toContain('Only for whoever teaches this');
  });
});
