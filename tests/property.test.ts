// Thousands of random lesson-like documents go through parse → extract → lint without one exception,
// and every model they give keeps the contract's shape.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';

const headings = [
  'Learning Objectives', '🎯 Objectives', '1. Key Concepts', 'Core Concepts', 'Architecture Diagrams', 'Code Examples',
  'Best Practices', 'Real-World Case Studies', 'Case Study 1: X', 'Hands-on Practice', 'Exercise 1: Build', 'Solution',
  'Hints', 'Common Mistakes', 'Further Reading', 'Quiz', 'Next Steps', 'Navigation', 'Background', '',
];
const word = fc.constantFrom('Docker', 'Explain', 'Understand', '**Challenge**:', '**Solution:**', '**Results**', '`code`',
  '[link](./x.md)', '[web](https://example.com)', '![img](fig/a.png)', '<script>alert(1)</script>', '{: .challenge}', ':::',
  '> ', '#', '|', '---', '\\', '*', '_', '🚀', 'ünïcödé', '\t', '&amp;', '[^1]', '<!-- c -->');
const text = fc.array(fc.oneof(word, fc.string({ maxLength: 12 })), { maxLength: 8 }).map((words) => words.join(' '));
const indent = fc.integer({ min: 0, max: 8 }).map((n) => ' '.repeat(n));

const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...headings), text).map(([depth, h, t]) => `${'#'.repeat(depth)} ${h || t}`),
  fc.tuple(indent, fc.constantFrom('-', '*', '1.', '2)'), text).map(([i, bullet, t]) => `${i}${bullet} ${t}`),
  fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'yaml', 'mermaid', 'json', 'Dockerfile', 'output', 'sh')).map(([f, lang]) => f + lang),
  fc.constantFrom('```', '~~~', 'graph TD', '  A --> B', 'FROM alpine', 'key: value', '  - item', '{"a": 1}', '%%{init: {"securityLevel": "loose"}}%%'),
  fc.tuple(fc.integer({ min: 3, max: 40 }), fc.constantFrom('', ' challenge', ' solution', ' hint', ' callout', ' objectives', ' keypoints', '{.challenge}')).map(([n, name]) => ':'.repeat(n) + name),
  fc.tuple(fc.integer({ min: 1, max: 3 }), text).map(([n, t]) => `${'> '.repeat(n)}${t}`),
  fc.constantFrom('{: .challenge}', '{: .solution}', '> {: .solution}', '{: .language-bash}', '{: .output}', '---', '', '', ''),
  fc.constantFrom('| a | b |', '| - | - |', '| 1 | 2 |', '<details>', '</details>', '$$', 'title: x', 'teaching: 5'),
  text,
);

const document = fc
  .tuple(fc.boolean(), fc.boolean(), fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([frontMatter, bom, lines, eol]) => {
    const body = (frontMatter ? ['---', 'title: T', 'objectives:', '- "a', 'b"', '---'] : []).concat(lines).join(eol);
    return (bom ? '\ufeff' : '') + body;
  });

const arrays = ['objectives', 'questions', 'keypoints', 'concepts', 'diagrams', 'examples', 'practices', 'caseStudies',
  'exercises', 'pitfalls', 'resources', 'reviewQuestions', 'nextSteps', 'sections', 'diagnostics'] as const;

describe('random documents', () => {
  it('never throw and always give a complete model', () => {
    fc.assert(
      fc.property(document, (value) => {
        const { lesson } = analyzeLesson(new VFile({ path: 'lessons/m/1.1-random.md', value }), { fileExists: () => false });
        for (const key of arrays) expect(Array.isArray(lesson[key])).toBe(true);
        expect(typeof lesson.title).toBe('string');
        for (const item of [...lesson.objectives, ...lesson.pitfalls, ...lesson.examples, ...lesson.diagrams]) {
          expect(item.line).toBeGreaterThanOrEqual(1);
        }
        for (const exercise of lesson.exercises) expect(typeof exercise.prompt).toBe('string');
        expect(JSON.parse(JSON.stringify(lesson))).toEqual(lesson);
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('never throw on arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (value) => {
        expect(() => analyzeLesson(new VFile({ path: 'x.md', value }))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});

describe('inlineMarkdown’s shortcut for plain text', () => {
  // Every character Markdown treats specially, and the pairs that start bare links, next to plain ones.
  const pieces = fc.constantFrom(...'abcpsw WxyZ019.,;:/!?#+-()"\'%$^{}é中🐳\t*_[]`<>&|~@=\\'.split(''), 'www.', 'https://', 'a@b', '1. ', '- ', '\u00a0');
  const line = fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''));

  it('gives exactly what the Markdown serialiser gives, for every text it takes', async () => {
    const { inlineMarkdown, serialiseInline, trimEdges } = await import('../src/extract/markdown.js');
    let shortcut = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), (values) => {
        const nodes = values.map((value) => ({ type: 'text' as const, value }));
        const children = trimEdges(nodes);
        const expected = children.length === 0 ? '' : serialiseInline(children);
        const joined = values.join('').trim();
        if (!/[\\`*_[\]<>&|~@=]|[Ww]\.[-.\w]|[ps]:\//.test(joined) && /^[\p{L}\p{N}]/u.test(joined)) shortcut++;
        expect(inlineMarkdown(nodes)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
    // The shortcut was really taken, not just the serialiser compared with itself.
    // About 1,000 of the 20,000 random texts qualify (992 to a little over 1,000 seen): half of that is a safe floor.
    expect(shortcut).toBeGreaterThan(500);
  });
});
