// What the extractor must get right, stated as behaviour (the goldens pin the full models).
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import type { Lesson, Outline } from '../src/model/lesson.js';

// In-repo copies of ../shared/seeds and ../shared/corpora, so the suite runs from any clone.
const seedPath = join(import.meta.dirname, 'corpus', 'seed-6.7-docker-fundamentals.md');
const corpus = join(import.meta.dirname, 'corpus', 'shell-novice');

function analyze(value: string, path = 'lessons/module-1/1.1-sample.md'): Lesson {
  return analyzeLesson(new VFile({ path, value })).lesson;
}

function depth(items: Outline[]): number {
  return items.length === 0 ? 0 : 1 + Math.max(...items.map((item) => depth(item.children)));
}

describe('the seed lesson', () => {
  const lesson = analyze(readFileSync(seedPath, 'utf8'), 'lessons/module-6/6.7-docker-fundamentals.md');

  it('reads the title line and id', () => {
    expect(lesson.number).toBe('6.7');
    expect(lesson.title).toBe('Docker Fundamentals');
    expect(lesson.id).toBe('6.7-docker-fundamentals');
  });

  it('reads navigation into its slots', () => {
    expect(lesson.navigation.overview?.href).toBe('./README.md');
    expect(lesson.navigation.previous?.href).toBe('./6.6-security-monitoring.md');
    expect(lesson.navigation.next?.href).toBe('./6.8-kubernetes-orchestration.md');
    expect(lesson.navigation.details).toBeNull();
  });

  it('has 4 objectives on their source lines', () => {
    expect(lesson.objectives.map((o) => o.line)).toEqual([9, 10, 11, 12]);
    expect(lesson.objectives[0].text).toBe('Understand container concepts');
  });

  it('has 2 concept topics of 3 items with 4 children each', () => {
    expect(lesson.concepts.map((c) => c.title)).toEqual(['Container Fundamentals', 'Docker Components']);
    for (const concept of lesson.concepts) {
      expect(concept.items).toHaveLength(3);
      for (const item of concept.items) expect(item.children).toHaveLength(4);
    }
  });

  it('has 2 flowchart diagrams titled by their headings', () => {
    expect(lesson.diagrams.map((d) => [d.title, d.type])).toEqual([
      ['Docker Architecture', 'flowchart'],
      ['Container Lifecycle', 'flowchart'],
    ]);
    expect(lesson.diagrams[0].code).toContain('B[Docker Daemon]');
  });

  it('detects the Dockerfile fenced as yaml, with a fence-language warning on its line', () => {
    const dockerfile = lesson.examples.find((e) => e.title === 'Dockerfile Configuration')!;
    expect(dockerfile.language).toBe('dockerfile');
    expect(dockerfile.declaredLanguage).toBe('yaml');
    const warning = lesson.diagnostics.find((d) => d.rule === 'fence-language');
    expect(warning).toMatchObject({ severity: 'warning', line: dockerfile.line });
    expect(lesson.examples.find((e) => e.title === 'Docker Compose Configuration')?.language).toBe('yaml');
  });

  it('has 1 practice group of 4 items with 4 points each', () => {
    expect(lesson.practices).toHaveLength(1);
    expect(lesson.practices[0].items.map((i) => i.title)).toEqual(['Image Management', 'Container Configuration', 'Security', 'Performance']);
    for (const item of lesson.practices[0].items) expect(item.points).toHaveLength(4);
  });

  it('has 2 complete case studies', () => {
    expect(lesson.caseStudies.map((c) => c.title)).toEqual(['Microservices Migration', 'Development Environment']);
    for (const study of lesson.caseStudies) {
      expect(study.challenge).not.toBe('');
      expect(study.solution).toHaveLength(4);
      expect(study.results).toHaveLength(4);
    }
  });

  it('has 5 pitfalls, 4 resources and 4 next steps, and nothing left over', () => {
    expect(lesson.pitfalls).toHaveLength(5);
    expect(lesson.resources).toHaveLength(4);
    expect(lesson.nextSteps).toHaveLength(4);
    expect(lesson.nextSteps[3].text).toBe('Understand container security');
    expect(lesson.sections).toEqual([]);
  });

  it('flags the three unmeasurable objective verbs', () => {
    const lines = lesson.diagnostics.filter((d) => d.rule === 'objective-verb').map((d) => d.line);
    expect(lines).toEqual([9, 10, 11]);
  });
});

describe('line endings and encodings', () => {
  const seed = readFileSync(seedPath, 'utf8');
  const strip = (lesson: Lesson) => JSON.stringify({ ...lesson, source: '', diagnostics: [] });

  it('CRLF, a BOM, trailing spaces and no final newline give the same model', () => {
    const messy = '\ufeff' + seed.split('\n').map((line) => (line.trim() ? `${line}   ` : line)).join('\r\n').trimEnd();
    expect(strip(analyze(messy))).toBe(strip(analyze(seed)));
  });

  it('lone CR line endings give the same model', () => {
    expect(strip(analyze(seed.replace(/\n/g, '\r')))).toBe(strip(analyze(seed)));
  });
});

describe('heading variants', () => {
  it.each([
    ['## 🎯 Learning Objectives', 'objectives'],
    ['## 1. Learning Outcomes', 'objectives'],
    ["## What You'll Learn", 'objectives'],
    ['## Key Topics', 'concepts'],
    ['## Core Concepts', 'concepts'],
    ['## ⚠️ Common Mistakes', 'pitfalls'],
    ['## Pitfalls to Avoid', 'pitfalls'],
    ['## Further Reading', 'resources'],
    ['## References', 'resources'],
    ['## Quiz', 'reviewQuestions'],
    ['## Knowledge Check', 'reviewQuestions'],
    ['## ASSESSMENT', 'reviewQuestions'],
    ['## 3) Next Steps', 'nextSteps'],
  ] as const)('%s fills %s', (heading, field) => {
    const lesson = analyze(`# Lesson 1.1: T\n\n${heading}\n- First item\n- Second item\n`);
    const items = lesson[field] as unknown[];
    expect(items).toHaveLength(field === 'concepts' ? 1 : 2);
    expect(lesson.sections).toEqual([]);
  });

  it.each(['## Exercises', '## Hands-on Practice', '## Hands-on Exercises', '## Activities', '## Practice Problems', '## Lab'])(
    '%s fills exercises',
    (heading) => {
      const lesson = analyze(`# Lesson 1.1: T\n\n${heading}\n\n### Exercise 1: Build it\nBuild the image.\n\n#### Solution\n\`docker build .\`\n`);
      expect(lesson.exercises).toEqual([expect.objectContaining({ title: 'Build it', prompt: 'Build the image.', solution: '`docker build .`' })]);
    },
  );

  it('collects Mermaid and code blocks wherever they appear, titled by the nearest heading', () => {
    const lesson = analyze('# Lesson 1.1: T\n\n## Overview\n\n### How it flows\n```mermaid\ngraph LR\nA-->B\n```\n\n## Setup\n```\nFROM node:20\nRUN npm ci\n```\n');
    expect(lesson.diagrams).toEqual([expect.objectContaining({ title: 'How it flows', type: 'flowchart', line: 6 })]);
    expect(lesson.examples).toEqual([expect.objectContaining({ title: 'Setup', language: 'dockerfile', declaredLanguage: null, line: 12 })]);
  });

  it('normalises fence aliases', () => {
    const lesson = analyze('# T\n\n## Examples\n```yml\na: 1\n```\n\n```sh\nls -la\n```\n\n```Dockerfile\nFROM alpine\n```\n');
    expect(lesson.examples.map((e) => e.declaredLanguage)).toEqual(['yaml', 'bash', 'dockerfile']);
  });
});

describe('case studies and exercises written as paragraphs', () => {
  it('reads **Challenge:** paragraphs followed by lists', () => {
    const lesson = analyze(
      '# T\n\n## Case Studies\n\n### Case Study 2: Retail\n**Challenge:** Orders lost.\n\n**Solution:**\n- Queues\n- Retries\n\n**Results:**\n- No loss\n',
    );
    expect(lesson.caseStudies).toEqual([{ title: 'Retail', challenge: 'Orders lost.', solution: ['Queues', 'Retries'], results: ['No loss'], line: 5 }]);
  });

  it('splits **Exercise N:** paragraphs into exercises, with hints and solutions kept out of the prompt', () => {
    const lesson = analyze(
      '# T\n\n## Exercises\n\n**Exercise 1:** Scale it.\n\n1. Run scale\n2. Watch\n\n**Hint:** use -w\n\n**Solution:** `kubectl scale`\n\n**Exercise 2:** Roll back.\n',
    );
    expect(lesson.exercises).toHaveLength(2);
    expect(lesson.exercises[0]).toMatchObject({ prompt: 'Scale it.', steps: ['Run scale', 'Watch'], hints: ['use -w'], solution: '`kubectl scale`' });
    expect(lesson.exercises[0].prompt).not.toContain('kubectl');
  });

  it('reads a plain list of tasks as one exercise each', () => {
    const lesson = analyze('# T\n\n## Practice Problems\n1. Write a Dockerfile for a Flask app\n2. Add a health check\n');
    expect(lesson.exercises.map((e) => e.prompt)).toEqual(['Write a Dockerfile for a Flask app', 'Add a health check']);
  });
});

describe('nothing is dropped', () => {
  it('keeps unclaimed sections, in order, as Markdown', () => {
    const lesson = analyze('# T\n\nIntro text.\n\n## Objectives\n- Explain X\n\n## Background\nSome **history**.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n## Next Steps\n- Y\n\n## Credits\nThanks.\n');
    expect(lesson.sections.map((s) => s.title)).toEqual(['Introduction', 'Background', 'Credits']);
    expect(lesson.sections[1].markdown).toContain('Some **history**.');
    expect(lesson.sections[1].markdown).toContain('| 1 | 2 |');
  });

  it('recognises a module README as an overview, not a lesson', () => {
    const lesson = analyze('# Module 6: Containers\n\nOverview text.\n', 'lessons/module-6/README.md');
    expect(lesson.meta.kind).toBe('module-overview');
    expect(lesson.diagnostics.map((d) => d.rule)).not.toContain('missing-objectives');
  });

  it('sends "Detailed Content" navigation to navigation.details', () => {
    const lesson = analyze('# Lesson 6.7: T\n\n## Navigation\n- [Next Module](../module-7/README.md)\n- [Detailed Content →](./lectures/lesson-6-7.md)\n- [Back to Lesson Plan](./README.md)\n');
    expect(lesson.navigation.details?.href).toBe('./lectures/lesson-6-7.md');
    expect(lesson.navigation.overview?.href).toBe('./README.md');
    expect(lesson.navigation.others?.map((l) => l.text)).toEqual(['Next Module']);
  });
});

describe('Carpentries episodes, both dialects', () => {
  const episodes = readdirSync(join(corpus, 'workbench')).filter((name) => name.endsWith('.md'));

  for (const name of episodes) {
    it(`${name} reads alike in Workbench and styles markup`, () => {
      const workbench = analyze(readFileSync(join(corpus, 'workbench', name), 'utf8'), `workbench/${name}`);
      const styles = analyze(readFileSync(join(corpus, 'styles', name), 'utf8'), `styles/${name}`);
      for (const lesson of [workbench, styles]) {
        expect(lesson.title).not.toBe('');
        expect(lesson.meta.teachingMinutes).toBeGreaterThan(0);
        expect(lesson.objectives.length).toBeGreaterThan(0);
        expect(lesson.keypoints.length).toBeGreaterThan(0);
        for (const exercise of lesson.exercises) {
          expect(exercise.prompt).not.toMatch(/^#+ Solution/m);
          expect(exercise.prompt).not.toContain(':::');
        }
      }
      expect(workbench.title).toBe(styles.title);
      expect(Math.abs(workbench.objectives.length - styles.objectives.length)).toBeLessThanOrEqual(1);
      expect(Math.abs(workbench.exercises.length - styles.exercises.length)).toBeLessThanOrEqual(1);
      const solved = (lesson: Lesson) => lesson.exercises.filter((e) => e.solution).length;
      expect(Math.abs(solved(workbench) - solved(styles))).toBeLessThanOrEqual(1);
    });
  }

  it('takes a solution out of the challenge prompt', () => {
    const lesson = analyze(readFileSync(join(corpus, 'workbench', '05-loop.md'), 'utf8'));
    const first = lesson.exercises[0];
    expect(first.title).toBe('Write your own loop');
    expect(first.prompt).toContain('echoes all 10 numbers');
    expect(first.prompt).not.toContain('loop_variable');
    expect(first.solution).toContain('loop_variable');
  });

  it('reads hint divs as hints', () => {
    const lesson = analyze('---\ntitle: T\n---\n\n::: challenge\n## Try\nDo it.\n\n:::: hint\nLook up `man`.\n::::\n\n:::: solution\n## Solution\nDone.\n::::\n:::\n');
    expect(lesson.exercises).toEqual([expect.objectContaining({ title: 'Try', prompt: 'Do it.', hints: ['Look up `man`.'], solution: 'Done.' })]);
  });
});

describe('pathological input', () => {
  it('extracts 400 objectives', () => {
    const lesson = analyze(`# T\n\n## Objectives\n${Array.from({ length: 400 }, (_, i) => `- Explain item ${i}`).join('\n')}\n`);
    expect(lesson.objectives).toHaveLength(400);
    expect(lesson.objectives[399].line).toBe(403);
  });

  it('keeps a 60-level list as a 60-level outline', () => {
    const list = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const lesson = analyze(`# T\n\n## Key Concepts\n${list}\n`);
    expect(depth(lesson.concepts[0].items)).toBe(60);
  });

  it('keeps every line of a 3,000-line code block', () => {
    const code = Array.from({ length: 3000 }, (_, i) => `x${i} = ${i}`).join('\n');
    const lesson = analyze(`# T\n\n## Examples\n\`\`\`python\n${code}\n\`\`\`\n`);
    expect(lesson.examples[0].code.split('\n')).toHaveLength(3000);
  });
});

describe('questions of a challenge (issue #15)', () => {
  it('makes one exercise per solution-separated question, titled "<title>, part N"', () => {
    const lesson = analyze(
      '---\ntitle: T\n---\n\n::: challenge\n## Slices\nSetup text.\n\nWhat is `a[:4]`?\n\n:::: solution\n## Solution\nFirst answer.\n::::\n\nWhat is `a[-1]`?\n\n:::: solution\n## Solution\nSecond answer.\n::::\n\n:::: solution\n## Solution\nAn alternative second answer.\n::::\n\nAnd a question with no answer?\n:::\n',
    );
    expect(lesson.exercises.map((e) => [e.title, e.prompt, e.solution])).toEqual([
      ['Slices, part 1', 'Setup text.\n\nWhat is `a[:4]`?', 'First answer.'],
      ['Slices, part 2', 'What is `a[-1]`?\n\nAnd a question with no answer?', 'Second answer.\n\nAn alternative second answer.'],
    ]);
  });

  it('splits at inner headings: text before the first one introduces it, a question without a solution has none', () => {
    const lesson = analyze(
      '---\ntitle: T\n---\n\n::: challenge\n## Loops\nShared intro.\n\n### Count\nCount the files.\n\n:::: solution\nUse wc.\n::::\n\n### Sum\nAdd them up.\n:::\n',
    );
    expect(lesson.exercises.map((e) => [e.title, e.prompt, e.solution])).toEqual([
      ['Count', 'Shared intro.\n\nCount the files.', 'Use wc.'],
      ['Sum', 'Add them up.', null],
    ]);
  });

  it('reads a solution block titled "Hint" as a hint (07-cond "Close Enough")', () => {
    const lesson = analyze('---\ntitle: T\n---\n\n::: challenge\n## Close\nWrite it.\n\n:::: solution\n## Hint\nUse abs.\n::::\n\n:::: solution\n## Solution 1\nabs(a - b)\n::::\n:::\n');
    expect(lesson.exercises).toEqual([expect.objectContaining({ title: 'Close', hints: ['Use abs.'], solution: 'abs(a - b)' })]);
  });

  it('splits the styles dialect alike (several > > ## Solution blocks)', () => {
    const source = [
      '---', 'title: T', '---', '',
      '> ## Pick One', '>', '> Which is it?', '>', '> > ## Solution', '> > The first.', '> {: .solution}', '>',
      '> And now which?', '>', '> > ## Solution', '> > The second.', '> {: .solution}', '{: .challenge}', '',
    ].join('\n');
    const lesson = analyze(source);
    expect(lesson.exercises.map((e) => [e.title, e.prompt, e.solution])).toEqual([
      ['Pick One, part 1', 'Which is it?', 'The first.'],
      ['Pick One, part 2', 'And now which?', 'The second.'],
    ]);
  });

  it('splits a house-format exercise at the heading after its #### Solution', () => {
    const lesson = analyze('# L\n\n## Hands-on Exercises\n\n### Exercise 1: Ports\nOpen a port.\n\n#### Solution\nUse -p.\n\n#### Close it again\nNow close it.\n\n#### Solution\nStop the container.\n');
    expect(lesson.exercises.map((e) => [e.title, e.prompt, e.solution])).toEqual([
      ['Ports, part 1', 'Open a port.', 'Use -p.'],
      ['Close it again', 'Now close it.', 'Stop the container.'],
    ]);
  });

  it('keeps a house-format exercise whole when nothing follows its solution', () => {
    const lesson = analyze('# L\n\n## Hands-on Exercises\n\n### Exercise 1: Ports\nOpen a port.\n\n#### Steps\n1. Run it\n\n#### Solution\nUse -p.\n');
    expect(lesson.exercises).toHaveLength(1);
    expect(lesson.exercises[0]).toMatchObject({ title: 'Ports', solution: 'Use -p.' });
  });
});

describe('fenced divs inside list items (issue #20)', () => {
  it('reads an answer div indented in a numbered step as the step\'s answer, not as step text', () => {
    const lesson = analyze('# L\n\n## Hands-on Exercises\n\n### Exercise 1: Try\n1. Run `ls`.\n\n   ::: answer\n   You see the files.\n   :::\n\n2. Run `pwd`.\n');
    expect(lesson.exercises[0]).toMatchObject({ steps: ['Run `ls`.', 'Run `pwd`.'], solution: '**Step 1:** You see the files.' });
  });

  it('takes instructor divs out of an exercise into its instructor notes, and solutions nested in a callout into its solution', () => {
    const lesson = analyze('---\ntitle: T\n---\n\n::: challenge\n## Q\nAsk it.\n\n:::: instructor\nWatch the time.\n::::\n\n:::: callout\nThink.\n\n::::: solution\nThe answer.\n:::::\n::::\n:::\n');
    expect(lesson.exercises).toEqual([expect.objectContaining({ prompt: 'Ask it.\n\n::: callout\nThink.\n:::', solution: 'The answer.', instructorNotes: ['Watch the time.'] })]);
  });

  it('makes a callout that holds a solution an exercise', () => {
    const lesson = analyze('---\ntitle: T\n---\n\nText.\n\n::: callout\n## Quick check\nWhich command?\n\n:::: solution\n`pwd`\n::::\n:::\n');
    expect(lesson.exercises).toEqual([expect.objectContaining({ title: 'Quick check', prompt: 'Which command?', solution: '`pwd`' })]);
    expect(lesson.sections.map((s) => s.markdown).join('\n')).not.toContain('pwd');
  });

  it('lifts a div out of a list in a section, the numbering going on after it', () => {
    const lesson = analyze('# L\n\n## Setup\n1. First\n\n   ::: callout\n   Mind the gap.\n   :::\n\n2. Second\n');
    expect(lesson.sections[0]!.markdown).toBe('1. First\n\n::: callout\nMind the gap.\n:::\n\n2. Second');
  });

  it('leaves ::: lines in an indented code block alone', () => {
    const lesson = analyze('# L\n\n## Setup\nText.\n\n    ::: callout\n    not a div\n    :::\n');
    expect(lesson.sections[0]!.markdown).toContain('```\n::: callout\nnot a div\n:::\n```');
  });
});

describe('Workbench block types', () => {
  const names = ['callout', 'testimonial', 'caution', 'discussion', 'checklist', 'prereq', 'spoiler', 'hint', 'tab', 'group-tab', 'instructor', 'mystery-box'];
  it('keeps every block outside a challenge, unknown ones too, in sections in order', () => {
    const lesson = analyze(`---\ntitle: T\n---\n\n## Body\n\n${names.map((name) => `::: ${name}\nText of ${name}.\n:::\n`).join('\n')}`);
    const markdown = lesson.sections.map((s) => s.markdown).join('\n');
    let at = -1;
    for (const name of names) {
      const found = markdown.indexOf(`::: ${name}\nText of ${name}.\n:::`);
      expect(found, name).toBeGreaterThan(at);
      at = found;
    }
    expect(lesson.exercises).toEqual([]);
  });
});
