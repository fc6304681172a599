import { describe, expect, it } from 'vitest';
import type { Lesson } from '../src/model/lesson.js';
import { lintLesson, rules, type LintContext } from '../src/lint/index.js';
import { findWeakVerb } from '../src/lint/rules/objective-verb.js';
import { example, lintContext, ruleById } from './helpers/lint.js';

interface Finding {
  rule: string | undefined;
  severity: 'error' | 'warning' | 'info';
  line: number | undefined;
  column: number | undefined;
  message: string;
}

function findings(ctx: LintContext): Finding[] {
  return ctx.file.messages.map((m) => ({
    rule: m.ruleId,
    severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
    line: m.line,
    column: m.column,
    message: m.reason,
  }));
}

/** Runs one rule and returns its findings (and checks every message carries source "lectern"). */
function run(id: string, markdown: string, patch: Partial<Lesson> = {}, extra: Partial<LintContext> = {}): Finding[] {
  const ctx = lintContext(markdown, patch, extra);
  ruleById(id).run(ctx);
  for (const message of ctx.file.messages) expect(message.source).toBe('lectern');
  return findings(ctx);
}

describe('rule table', () => {
  it('has the documented ids and severities, each once', () => {
    expect(rules.map((rule) => [rule.id, rule.severity])).toEqual([
      ['missing-title', 'error'],
      ['missing-objectives', 'warning'],
      ['objective-verb', 'warning'],
      ['fence-language', 'warning'],
      ['config-syntax', 'error'],
      ['case-study-incomplete', 'warning'],
      ['empty-section', 'warning'],
      ['broken-link', 'warning'],
      ['image-alt', 'warning'],
      ['duplicate-section', 'warning'],
      ['placeholder-text', 'error'],
    ]);
  });

  it('lintLesson runs every rule and stays quiet on a good lesson', () => {
    const markdown = '# Lesson 1.1: Good\n\n## Learning Objectives\n- Explain containers\n\n## Notes\nText.\n';
    const ctx = lintContext(markdown, { objectives: [{ text: 'Explain containers', line: 4 }] });
    lintLesson(ctx);
    expect(findings(ctx)).toEqual([]);
  });
});

describe('missing-title', () => {
  it('fires as an error on line 1 when the title is empty', () => {
    const [finding, ...rest] = run('missing-title', 'Some text\n', { title: '' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'missing-title', severity: 'error', line: 1, column: 1 });
  });

  it('does not fire when there is a title', () => {
    expect(run('missing-title', '# Title\n', { title: 'Title' })).toEqual([]);
  });
});

describe('missing-objectives', () => {
  it('fires as a warning at the title heading of a lesson without objectives', () => {
    const result = run('missing-objectives', '\n# Lesson 1.1: Topic\n\nText\n');
    expect(result).toEqual([expect.objectContaining({ rule: 'missing-objectives', severity: 'warning', line: 2, column: 1 })]);
  });

  it('does not fire when the lesson has objectives', () => {
    expect(run('missing-objectives', '# T\n', { objectives: [{ text: 'Explain X', line: 3 }] })).toEqual([]);
  });

  it('skips module overviews and lecture notes', () => {
    for (const kind of ['module-overview', 'lecture-notes']) {
      expect(run('missing-objectives', '# T\n', { meta: { teachingMinutes: null, exerciseMinutes: null, kind } })).toEqual([]);
    }
  });
});

describe('objective-verb', () => {
  const markdown = [
    '# Lesson 6.7: Docker Fundamentals', // 1
    '',
    '## Learning Objectives', // 3
    '- Understand container concepts', // 4
    '- Master Docker architecture', // 5
    '- Learn about container management', // 6
    '- Practice Docker implementation', // 7
    '- Explain how images are layered', // 8
    '',
  ].join('\n');
  const objectives = [
    { text: 'Understand container concepts', line: 4 },
    { text: 'Master Docker architecture', line: 5 },
    { text: 'Learn about container management', line: 6 },
    { text: 'Practice Docker implementation', line: 7 },
    { text: 'Explain how images are layered', line: 8 },
  ];

  it('flags unobservable verbs at the objective text, and only those', () => {
    const result = run('objective-verb', markdown, { objectives });
    expect(result.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ['objective-verb', 'warning', 4, 3],
      ['objective-verb', 'warning', 5, 3],
      ['objective-verb', 'warning', 6, 3],
    ]);
    expect(result[0]?.message).toBe(
      'Objective "Understand container concepts" starts with "Understand", which cannot be observed or assessed; use a measurable verb such as explain, describe, compare, configure, build.',
    );
    expect(result[1]?.message).toContain('starts with "Master"');
    expect(result[2]?.message).toContain('starts with "Learn about"');
    expect(result[1]?.message).not.toBe(result[0]?.message.replace('Understand', 'Master'));
  });

  it('sees through markdown and lead-ins, case-insensitively', () => {
    expect(findWeakVerb('**Understand** how layers work')?.verb).toBe('Understand');
    expect(findWeakVerb('To understand how layers work')?.verb).toBe('understand');
    expect(findWeakVerb('You will know the CLI')?.verb).toBe('know');
    expect(findWeakVerb('Students will be able to appreciate trade-offs')?.verb).toBe('appreciate');
    expect(findWeakVerb('BE AWARE OF risks')?.verb).toBe('BE AWARE OF');
    expect(findWeakVerb('Become familiar with kubectl')?.verb).toBe('Become familiar with');
    expect(findWeakVerb('Learn Docker')?.verb).toBe('Learn');
  });

  it('does not flag measurable verbs or words that merely start like a weak verb', () => {
    for (const text of ['Explain containers', 'Knowledge check on images', 'Masterfully configure', 'Learning paths compared', 'Configure a registry']) {
      expect(findWeakVerb(text), text).toBeUndefined();
    }
  });

  it('falls back to column 1 when the tree has no item on that line', () => {
    const result = run('objective-verb', '# T\n', { objectives: [{ text: 'Know things', line: 20 }] });
    expect(result).toEqual([expect.objectContaining({ line: 20, column: 1 })]);
  });

  it('skips documents that are not lessons', () => {
    const meta = { teachingMinutes: null, exerciseMinutes: null, kind: 'module-overview' };
    expect(run('objective-verb', markdown, { objectives, meta })).toEqual([]);
  });
});

describe('fence-language', () => {
  const markdown = '# T\n\n## Examples\n\n```yaml\nFROM node:20\n```\n';

  it('flags a fence whose label disagrees with its content, at the fence line', () => {
    const result = run('fence-language', markdown, {
      examples: [example({ language: 'dockerfile', declaredLanguage: 'yaml', line: 5 })],
    });
    expect(result).toEqual([
      {
        rule: 'fence-language',
        severity: 'warning',
        line: 5,
        column: 1,
        message: 'Code fenced as "yaml" looks like dockerfile; label the fence ```dockerfile',
      },
    ]);
  });

  it('flags an unlabelled fence whose language is recognised', () => {
    const result = run('fence-language', '```\nls -la\n```\n', { examples: [example({ language: 'bash', line: 1 })] });
    expect(result).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 1,
        message: 'Code fence has no language; it looks like bash — label it ```bash',
      }),
    ]);
  });

  it('only hints (info) for an unlabelled fence nobody can recognise', () => {
    const result = run('fence-language', '```\nsomething\n```\n', { examples: [example({ line: 1 })] });
    expect(result).toEqual([expect.objectContaining({ rule: 'fence-language', severity: 'info', line: 1 })]);
  });

  it('does not fire on agreeing, plain-output, undetectable or compatible fences', () => {
    const examples = [
      example({ language: 'yaml', declaredLanguage: 'yaml' }),
      example({ language: 'bash', declaredLanguage: 'text' }),
      example({ language: 'json', declaredLanguage: 'output' }),
      example({ language: null, declaredLanguage: 'error' }),
      example({ language: null, declaredLanguage: 'python' }),
      example({ language: 'javascript', declaredLanguage: 'typescript' }),
      example({ language: 'json', declaredLanguage: 'yaml' }),
    ];
    expect(run('fence-language', markdown, { examples })).toEqual([]);
  });
});

describe('config-syntax', () => {
  const badYaml = ['services:', '  web:', '    image: nginx', '   ports:', '      - "80:80"'].join('\n');

  it('reports invalid YAML as an error at its line in the lesson', () => {
    const result = run('config-syntax', '', {
      examples: [example({ title: 'Docker Compose Configuration', language: 'yaml', declaredLanguage: 'yaml', code: badYaml, line: 10 })],
    });
    expect(result).toHaveLength(1);
    const [finding] = result;
    expect(finding).toMatchObject({ rule: 'config-syntax', severity: 'error' });
    // The error is on the 4th code line; the code starts on the line after the fence (10).
    expect(finding?.line).toBeGreaterThanOrEqual(13);
    expect(finding?.line).toBeLessThanOrEqual(14);
    expect(finding?.message).toMatch(/^Invalid YAML in "Docker Compose Configuration": .+ \(line 1[34] of the lesson\)$/);
    expect(finding?.message).not.toContain('\n');
  });

  it('places the error exactly: example.line + line inside the code', () => {
    const code = 'a: 1\nb: 2\nc: [1, 2\n';
    const [finding] = run('config-syntax', '', { examples: [example({ language: 'yaml', code, line: 20 })] });
    expect(finding?.message).toMatch(/\(line (\d+) of the lesson\)$/);
    const line = Number(/line (\d+) of the lesson/.exec(finding?.message ?? '')?.[1]);
    expect(finding?.line).toBe(line);
    expect(line).toBeGreaterThan(20);
  });

  it('reports invalid JSON with the line of the problem', () => {
    const code = '{\n  "name": "app",\n  "version": 1,\n}';
    const [finding, ...rest] = run('config-syntax', '', {
      examples: [example({ title: 'package.json', language: 'json', declaredLanguage: 'json', code, line: 30 })],
    });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'config-syntax', severity: 'error', line: 34 });
    expect(finding?.message).toMatch(/^Invalid JSON in "package.json": .+ \(line 34 of the lesson\)$/);
  });

  it('accepts valid YAML (multi-document too), valid JSON, and other languages', () => {
    const examples = [
      example({ language: 'yaml', code: 'apiVersion: v1\nkind: Service\n---\napiVersion: v1\nkind: Pod\n' }),
      example({ language: 'json', code: '{ "a": [1, 2, 3] }' }),
      example({ language: 'dockerfile', declaredLanguage: 'yaml', code: 'FROM node:20\n  bad: [\n' }),
      example({ language: 'yaml', code: '' }),
    ];
    expect(run('config-syntax', '', { examples })).toEqual([]);
  });

  it('skips templated code that is not meant to be literal', () => {
    const examples = [
      example({ language: 'yaml', code: 'image: {{ .Values.image }}\n  x: [\n' }),
      example({ language: 'json', code: '{ "token": <your-token> }' }),
      example({ language: 'json', code: '{\n  "a": 1,\n  ...\n}' }),
      example({ language: 'json', declaredLanguage: 'jsonc', code: '{\n  // comment\n  "a": 1\n}' }),
    ];
    expect(run('config-syntax', '', { examples })).toEqual([]);
  });
});

describe('case-study-incomplete', () => {
  it('names what is missing, at the case study line', () => {
    const markdown = '# T\n\n## Case Studies\n\n### Case Study 1: Migration\n- **Challenge**: Move\n';
    const result = run('case-study-incomplete', markdown, {
      caseStudies: [{ title: 'Migration', challenge: 'Move', solution: [], results: [], line: 5 }],
    });
    expect(result).toEqual([
      expect.objectContaining({ rule: 'case-study-incomplete', severity: 'warning', line: 5, column: 1 }),
    ]);
    expect(result[0]?.message).toContain('has no solution and results');
  });

  it('names a missing challenge', () => {
    const [finding] = run('case-study-incomplete', '', {
      caseStudies: [{ title: 'X', challenge: ' ', solution: ['a'], results: ['b'], line: 3 }],
    });
    expect(finding?.message).toContain('has no challenge;');
  });

  it('does not fire on a complete case study or outside lessons', () => {
    const complete = { title: 'X', challenge: 'c', solution: ['s'], results: ['r'], line: 3 };
    expect(run('case-study-incomplete', '', { caseStudies: [complete] })).toEqual([]);
    const meta = { teachingMinutes: null, exerciseMinutes: null, kind: 'lecture-notes' };
    expect(run('case-study-incomplete', '', { caseStudies: [{ ...complete, results: [] }], meta })).toEqual([]);
  });
});

describe('empty-section', () => {
  it('flags headings with nothing under them before the next heading of the same or higher level', () => {
    const markdown = [
      '# Title', // 1
      '## Empty', // 2
      '## Parent', // 3
      '### Child with text', // 4
      'Text', // 5
      '### Empty child', // 6
      '<!-- todo -->', // 7
      '## Last', // 8
      '---', // 9
    ].join('\n');
    const result = run('empty-section', markdown);
    expect(result.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ['empty-section', 'warning', 2, 1],
      ['empty-section', 'warning', 6, 1],
      ['empty-section', 'warning', 8, 1],
    ]);
    expect(result[0]?.message).toBe('Section "Empty" is empty; add content under it or remove the heading');
  });

  it('does not fire when every section has content (a subsection counts)', () => {
    expect(run('empty-section', '# T\n## A\n### B\n- item\n## C\n```js\nx\n```\n')).toEqual([]);
  });
});

describe('broken-link', () => {
  const exists = (known: string[]) => (path: string) => known.includes(path);

  it('flags relative links and images to files that do not exist, resolved from the lesson folder', () => {
    const markdown = [
      '# Title', // 1
      '- [Overview](./README.md)', // 2
      '- [Next](./1.2-next.md#intro)', // 3
      '![Diagram](images/arch%20v2.png)', // 4
      '', // 5
      '[ref]: ../module-2/missing.md', // 6
    ].join('\n');
    const fileExists = exists(['/course/module-1/README.md', '/course/module-1/1.2-next.md']);
    const result = run('broken-link', markdown, {}, { fileExists });
    expect(result.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['broken-link', 'warning', 4],
      ['broken-link', 'warning', 6],
    ]);
    expect(result[1]?.message).toBe('Link definition [ref] points at "../module-2/missing.md", which does not exist');
    expect(result[0]?.message).toBe('Image "Diagram" points at "images/arch v2.png", which does not exist');
  });

  it('checks same-file #fragments against GitHub heading slugs, even without fileExists', () => {
    const markdown = [
      '# Lesson 1.1: Docker', // 1
      '## Learning Objectives', // 2
      '## Learning Objectives', // 3
      'See [objectives](#learning-objectives), [again](#learning-objectives-1), [top](#lesson-11-docker).', // 4
      'And [nowhere](#no-such-heading).', // 5
    ].join('\n');
    const result = run('broken-link', markdown);
    expect(result.map((f) => [f.rule, f.line, f.column])).toEqual([['broken-link', 5, 5]]);
    expect(result[0]?.message).toContain('"#no-such-heading"');
  });

  it('ignores external links, mail, site-root paths and fragments into other files', () => {
    const markdown = [
      '[a](https://example.com) [b](http://x.org/y) [c](mailto:a@b.c) [d](tel:123) [e](//cdn.example.com/x.js)',
      '[f](/absolute/path.md) [g](./exists.md#no-such-anchor) [h](#)',
    ].join('\n');
    const fileExists = exists(['/course/module-1/exists.md']);
    expect(run('broken-link', markdown, {}, { fileExists })).toEqual([]);
  });

  it('skips file checks without fileExists', () => {
    expect(run('broken-link', '[x](./missing.md)\n')).toEqual([]);
  });
});

describe('image-alt', () => {
  it('warns at the line of an image with empty alt text, and of a reference image', () => {
    const found = run('image-alt', '# T\n\nText.\n\n![](fig/a.png)\n\nMore ![ ][fig] here.\n\n[fig]: fig/b.png\n');
    expect(found.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([
      ['image-alt', 'warning', 5, 1],
      ['image-alt', 'warning', 7, 6],
    ]);
    expect(found[0]!.message).toMatch(/"fig\/a\.png" has no alternative text/);
  });

  it('accepts alt text, in the brackets or as a kramdown attribute, but not an empty attribute', () => {
    expect(run('image-alt', '![A cat on a mat](cat.png)\n')).toEqual([]);
    expect(run('image-alt', "![](fig/a.svg){alt='The file system tree'}\n")).toEqual([]);
    expect(run('image-alt', "![](fig/a.svg){alt=''}\n").map((f) => f.line)).toEqual([1]);
  });
});

describe('duplicate-section', () => {
  it('flags the same heading twice at one depth under one parent, ignoring case, emoji and numbering', () => {
    const markdown = [
      '# Title', // 1
      '## Setup', // 2
      '### Install', // 3
      '## 🚀 setup', // 4
      '### Install', // 5 — different parent (line 4), not a duplicate
      '### 2. install', // 6 — duplicate of line 5
    ].join('\n');
    const result = run('duplicate-section', markdown);
    expect(result.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['duplicate-section', 'warning', 4],
      ['duplicate-section', 'warning', 6],
    ]);
    expect(result[0]?.message).toContain('(first at line 2)');
  });

  it('does not flag the same text at different depths or under different parents', () => {
    expect(run('duplicate-section', '# T\n## A\n### Notes\n## B\n### Notes\n## Notes\n')).toEqual([]);
  });
});

describe('placeholder-text', () => {
  it('lists only sentences that the scaffold template really has', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { placeholderLines, placeholderFragments } = await import('../src/lint/rules/placeholder-text.js');
    const template = readFileSync(join(import.meta.dirname, '..', 'templates', 'new', 'lesson.md.hbs'), 'utf8');
    for (const phrase of [...placeholderLines, ...placeholderFragments]) expect(template, phrase).toContain(phrase);
  });

  it('names each section once, at its first placeholder line, and ignores the same words mid-sentence', () => {
    const text = '# T\n\n## Common Pitfalls\n- Name a mistake learners make, and its symptom\n- Name a misconception, and the correct picture\n\n## Notes\nWe say what to do and why it matters here.\n';
    const found = run('placeholder-text', text);
    expect(found.map((d) => d.line)).toEqual([4]);
    expect(found[0]?.message).toContain('and 1 more line of it up to line 5');
  });
});
