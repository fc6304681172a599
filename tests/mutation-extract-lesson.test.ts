// src/extract/extract.ts: what its mutation run left alive (issue 20). Whole lessons as authors
// write them (titles in front matter or headings, README module pages, nested sections, concept
// outlines, best practices, case studies, Carpentries divs, code and diagrams), each read back into
// the model fields they fill. Lessons are built inside the tests (Stryker activates a mutant only once
// the file is collected).
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import { parseLesson } from '../src/parse/parse.js';
import { documentKind, extractLesson, lessonId } from '../src/extract/extract.js';
import type { Lesson } from '../src/model/lesson.js';

/** The lesson model of a Markdown string, without the lint rules. */
function extract(value: string, path = 'lessons/module-1/1.1-sample.md'): Lesson {
  return analyzeLesson(new VFile({ path, value }), { lint: false }).lesson;
}

/** The given fields of a lesson's model. */
function fields<K extends keyof Lesson>(lesson: Lesson, ...keys: K[]): Pick<Lesson, K> {
  return Object.fromEntries(keys.map((key) => [key, lesson[key]])) as Pick<Lesson, K>;
}

describe('lessonId and documentKind', () => {
  it('takes the Markdown extension off the file name only at its end', () => {
    expect(lessonId('lessons/module-1/1.1-intro.md')).toBe('1.1-intro');
    expect(lessonId('C:\\course\\2.3-setup.MARKDOWN')).toBe('2.3-setup');
    expect(lessonId('lessons/01.markdown-basics.md')).toBe('01.markdown-basics');
  });

  it('tells module pages and lecture notes from lessons by path or title', () => {
    const cases: Array<[string, string, string]> = [
      ['README.md', '', 'module-overview'],
      ['module-1/readme.markdown', '', 'module-overview'],
      ['module-1/readme.markdown-guide.md', '', 'lesson'],
      ['myreadme.md', '', 'lesson'],
      ['lectures/1.md', '', 'lecture-notes'],
      ['course/lecture/1.md', '', 'lecture-notes'],
      ['course/notes/1.md', '', 'lecture-notes'],
      ['course\\lecture-notes\\1.md', '', 'lecture-notes'],
      ['course/footnotes/1.md', '', 'lesson'],
      ['course/notes.md', '', 'lesson'],
      ['course/1.md', 'Git: Lecture Notes', 'lecture-notes'],
      ['course/1.md', 'Git', 'lesson'],
    ];
    expect(cases.map(([path, title]) => [path, title, documentKind(path, title)])).toEqual(cases);
  });

  it('names a lesson without a path lesson.md', () => {
    const file = new VFile({ value: '# Git\n' });
    const lesson = extractLesson(parseLesson(file), file);
    expect([lesson.source, lesson.id, lesson.title]).toEqual(['lesson.md', 'lesson', 'Git']);
  });
});

describe('the title, its number and the document kind', () => {
  it('prefers the number of the title line to the file name, and falls back on the file name', () => {
    expect(fields(extract('# Lesson 2.3: Branching\n'), 'number', 'title')).toEqual({ number: '2.3', title: 'Branching' });
    expect(fields(extract('# Branching\n'), 'number', 'title')).toEqual({ number: '1.1', title: 'Branching' });
    expect(fields(extract('# Branching\n', 'lessons/branching.md'), 'number', 'title')).toEqual({ number: null, title: 'Branching' });
  });

  it('trims a front-matter title, and keeps a first heading that is not the title in the text', () => {
    const lecture = extract('---\nlayout: lecture\ntitle: "  Git internals  "\n---\n\nToday we look inside.\n\n# Objects\n\nBlobs and trees.\n');
    expect(lecture.title).toBe('Git internals');
    expect(lecture.sections.map((section) => section.title)).toEqual(['Introduction', 'Objects']);
    const titled = extract('---\ntitle: "  Git basics  "\n---\n\n## Setup\n\nInstall it.\n\n# Appendix\n\nMore.\n');
    expect(fields(titled, 'title', 'number')).toEqual({ title: 'Git basics', number: '1.1' });
    expect(titled.sections.map((section) => section.title)).toEqual(['Setup', 'Appendix']);
    const untitled = extract('## Setup\n\nInstall it.\n\n# Appendix\n\nMore.\n');
    expect(untitled.title).toBe('');
    expect(untitled.sections.map((section) => section.title)).toEqual(['Setup', 'Appendix']);
  });

  it('titles a module README by its first heading when nothing else does, and leaves the heading out of its sections', () => {
    const readme = extract('## Module 1: Version Control\n\nThis module covers Git.\n\n## Lessons\n\n- Basics\n', 'course/module-1/README.md');
    expect(fields(readme, 'number', 'title', 'sections')).toEqual({
      number: '1',
      title: 'Version Control',
      sections: [
        { title: 'Introduction', markdown: 'This module covers Git.', line: 3 },
        { title: 'Lessons', markdown: '- Basics', line: 5 },
      ],
    });
    expect(readme.meta.kind).toBe('module-overview');
    const blankTitle = extract('---\ntitle: "  "\n---\n\nIntro.\n\n## Module 2 Overview\n\nText.\n', 'course/module-2/README.md');
    expect(blankTitle.title).toBe('Module 2 Overview');
    const headless = extract('Just a list of lessons.\n', 'course/module-3/README.md');
    expect(fields(headless, 'title', 'sections')).toEqual({ title: '', sections: [{ title: 'Introduction', markdown: 'Just a list of lessons.', line: 1 }] });
    const lesson = extract('## Setup\n\nInstall it.\n', 'course/module-1/1.2-setup.md');
    expect(fields(lesson, 'title', 'sections')).toEqual({ title: '', sections: [{ title: 'Setup', markdown: 'Install it.', line: 1 }] });
  });

  it('drops TOML front matter too', () => {
    expect(extract('+++\ntitle = "Git"\n+++\n\n# Git\n\nIntro.\n').sections).toEqual([{ title: 'Introduction', markdown: 'Intro.', line: 7 }]);
  });
});

describe('sections: nested headings and claimed ones', () => {
  it('keeps an unclaimed subsection in its parent, and opens a section after a claimed one', () => {
    const lesson = extract(
      '# 1.1: Git\n\n## Setup\n\nInstall git.\n\n### Install\n\nRun the installer.\n\n### Learning Objectives\n\n- Use git\n\n### Configure\n\nSet your name.\n',
    );
    expect(fields(lesson, 'sections', 'objectives')).toEqual({
      sections: [
        { title: 'Setup', markdown: 'Install git.\n\n### Install\n\nRun the installer.', line: 3 },
        { title: 'Configure', markdown: 'Set your name.', line: 15 },
      ],
      objectives: [{ text: 'Use git', line: 13 }],
    });
  });

  it('fills questions and key points from their headings and divs, subsections included, skipping empty items', () => {
    const lesson = extract(
      '# 1.1: Git\n\n## Key Questions\n\n- Why git?\n\n## Key Points\n\n- Commit often\n\n## Learning Objectives\n\n### Knowledge\n\n- Explain commits\n\n::: questions\n- What is a branch?\n\nHow do I merge?\n\n-\n:::\n',
    );
    expect(fields(lesson, 'questions', 'keypoints', 'objectives', 'sections')).toEqual({
      questions: [
        { text: 'Why git?', line: 5 },
        { text: 'What is a branch?', line: 18 },
        { text: 'How do I merge?', line: 20 },
      ],
      keypoints: [{ text: 'Commit often', line: 9 }],
      objectives: [{ text: 'Explain commits', line: 15 }],
      sections: [],
    });
  });

  it('takes a resource heading that is itself the link as the first resource', () => {
    const lesson = extract(
      '# 1.1: Git\n\n## [Pre-lecture quiz](https://example.org/quiz)\n\nTake it first.\n\n## [Post-lecture quiz](https://example.org/post) 🎯\n\n## Further Reading\n\n- [Pro Git](https://git-scm.com/book)\n',
    );
    expect(lesson.resources).toEqual([
      { text: 'Pre-lecture quiz', url: 'https://example.org/quiz', line: 3 },
      { text: 'Take it first.', url: null, line: 5 },
      { text: '[Post-lecture quiz](https://example.org/post) 🎯', url: 'https://example.org/post', line: 7 },
      { text: 'Pro Git', url: 'https://git-scm.com/book', line: 11 },
    ]);
    expect(extract('# 1.1: Git\n\n## Further Reading\n\n- [Pro Git](https://git-scm.com/book)\n').resources).toEqual([
      { text: 'Pro Git', url: 'https://git-scm.com/book', line: 5 },
    ]);
  });
});

describe('concepts, examples and practices', () => {
  it('reads concepts as an outline of topics, paragraphs included, leaving other blocks and code', () => {
    const lesson = extract(
      '# 1.1: Git\n\n## Key Concepts\n\nA commit is\na snapshot.\n\n- Branches\n  - Pointers\n\n> Remember this.\n\n```sh\ngit log\n```\n\n### Storage\n\nObjects live in `.git`.\n\n#### Blobs\n\n- File contents\n\n#### Trees\n\nDirectories.\n\n## Core Concepts\n\n### Remotes\n\n- origin\n',
    );
    expect(fields(lesson, 'concepts', 'sections', 'examples')).toEqual({
      concepts: [
        {
          title: 'Key Concepts',
          line: 3,
          items: [
            { text: 'A commit is a snapshot.', children: [] },
            { text: 'Branches', children: [{ text: 'Pointers', children: [] }] },
          ],
        },
        {
          title: 'Storage',
          line: 17,
          items: [
            { text: 'Objects live in `.git`.', children: [] },
            { text: 'Blobs', children: [{ text: 'File contents', children: [] }] },
            { text: 'Trees', children: [{ text: 'Directories.', children: [] }] },
          ],
        },
        { title: 'Remotes', line: 31, items: [{ text: 'origin', children: [] }] },
      ],
      sections: [{ title: 'Key Concepts', markdown: '> Remember this.', line: 3 }],
      examples: [{ title: 'Key Concepts', language: 'bash', declaredLanguage: 'bash', code: 'git log', line: 13 }],
    });
  });

  it('leaves the prose of an examples section, with the headings of subsections that have any', () => {
    const lesson = extract(
      '# 1.1: Git\n\n```sh\ngit --version\n```\n\n## Code Examples\n\nSome prose.\n\n```py\nprint(1)\n```\n\n### Python\n\n```py\nprint(2)\n```\n\n### Notes\n\nRead the docs.\n\n### Shell\n\n```sh\nls\n```\n\n#### Why\n\nIt lists.\n\n## Usage Examples\n\n```output\nok\n```\n',
    );
    expect(fields(lesson, 'examples', 'sections', 'practices')).toEqual({
      examples: [
        { title: 'Git', language: 'bash', declaredLanguage: 'bash', code: 'git --version', line: 3 },
        { title: 'Code Examples', language: 'python', declaredLanguage: 'python', code: 'print(1)', line: 11 },
        { title: 'Python', language: 'python', declaredLanguage: 'python', code: 'print(2)', line: 17 },
        { title: 'Shell', language: 'bash', declaredLanguage: 'bash', code: 'ls', line: 27 },
      ],
      sections: [
        { title: 'Introduction', markdown: '```sh\ngit --version\n```', line: 3 },
        { title: 'Code Examples', markdown: 'Some prose.\n\n### Notes\n\nRead the docs.\n\n### Shell\n\n#### Why\n\nIt lists.', line: 7 },
      ],
      practices: [],
    });
  });

  it('groups practices by subsection, a third level being items with points, and leaves what is no practice', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Best Practices',
        '',
        'Commit early,',
        'commit often.',
        '',
        '```sh',
        'git commit -m "wip"',
        '```',
        '',
        '### Commits',
        '',
        '- **Small:** one change each',
        '',
        '> Tip quote',
        '',
        '### Security',
        '',
        'Security comes first.',
        '',
        '```sh',
        'sudo -u app id',
        '```',
        '',
        '#### Least privilege',
        '',
        '- run as user',
        '',
        'A paragraph point.',
        '',
        '> Quoted point',
        '',
        '```sh',
        'id -u',
        '```',
        '',
        '#### Secrets',
        '',
        'Never bake.',
        '',
        '### Branches',
        '',
        '- Short-lived',
        '',
        '#### Naming',
        '',
        '- feature/x',
        '',
        '### Operations',
        '',
        '#### Backups',
        '',
        '- nightly',
        '',
        '### Tools',
        '',
        '```sh',
        'git lfs install',
        '```',
      ].join('\n'),
    );
    expect(fields(lesson, 'practices', 'sections')).toEqual({
      practices: [
        { title: 'Best Practices', items: [{ title: 'Commit early, commit often.', points: [] }] },
        { title: 'Commits', items: [{ title: 'Small', points: ['one change each'] }] },
        {
          title: 'Security',
          items: [
            { title: 'Least privilege', points: ['run as user', 'A paragraph point.'] },
            { title: 'Secrets', points: ['Never bake.'] },
          ],
        },
        {
          title: 'Branches',
          items: [
            { title: 'Short-lived', points: [] },
            { title: 'feature/x', points: [] },
          ],
        },
        { title: 'Operations', items: [{ title: 'Backups', points: ['nightly'] }] },
      ],
      sections: [{ title: 'Best Practices', markdown: '> Tip quote\n\nSecurity comes first.\n\n> Quoted point\n\n#### Naming', line: 3 }],
    });
    expect(lesson.examples.map((example) => [example.title, example.code])).toEqual([
      ['Best Practices', 'git commit -m "wip"'],
      ['Security', 'sudo -u app id'],
      ['Least privilege', 'id -u'],
      ['Tools', 'git lfs install'],
    ]);
  });
});

describe('case studies', () => {
  it('reads one study from labelled parts, several from subsections, and keeps the rest in order', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Case Study',
        '',
        '**Challenge:** Lost work.',
        '',
        '**Solution:** Use branches.',
        '',
        '**Results:** No loss.',
        '',
        '## Case Studies',
        '',
        'Two stories.',
        '',
        '```sh',
        'git reflog',
        '```',
        '',
        '### Case Study 1: Retail',
        '',
        '**Challenge:** Slow deploys.',
        '',
        '**Results:** Faster.',
        '',
        '> A quote from the CTO.',
        '',
        '### Case Study 2: Bank',
        '',
        '**Challenge:** Audits.',
        '',
        '## Real-world Case Study',
        '',
        'Just prose.',
        '',
        '```sh',
        'git bisect',
        '```',
      ].join('\n'),
    );
    expect(fields(lesson, 'caseStudies', 'sections')).toEqual({
      caseStudies: [
        { title: 'Case Study', challenge: 'Lost work.', solution: ['Use branches.'], results: ['No loss.'], line: 3 },
        { title: 'Retail', challenge: 'Slow deploys.', solution: [], results: ['Faster.'], line: 19 },
        { title: 'Bank', challenge: 'Audits.', solution: [], results: [], line: 27 },
      ],
      sections: [
        { title: 'Case Studies', markdown: 'Two stories.', line: 11 },
        { title: 'Case Study 1: Retail', markdown: '> A quote from the CTO.', line: 19 },
        { title: 'Real-world Case Study', markdown: 'Just prose.', line: 31 },
      ],
    });
    expect(lesson.examples.map((example) => [example.title, example.code])).toEqual([
      ['Case Studies', 'git reflog'],
      ['Real-world Case Study', 'git bisect'],
    ]);
  });
});

describe('Carpentries divs outside exercise sections', () => {
  it('gives a solution or hint that follows its challenge to it, and leaves one that follows anything else', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Undoing',
        '',
        '::: challenge',
        '## Undo',
        'Undo the last commit.',
        ':::',
        '',
        '<!-- answers -->',
        '',
        '::: hint',
        'Look at `git reset`.',
        ':::',
        '',
        '::: solution',
        '`git reset HEAD~1`',
        ':::',
        '',
        '::: solution',
        'Or `git revert HEAD`.',
        ':::',
        '',
        '## Later',
        '',
        'Some text.',
        '',
        '::: challenge',
        '## Stash',
        'Stash changes.',
        ':::',
        '',
        '::: solution',
        '`git stash`',
        ':::',
        '',
        'Then a paragraph.',
        '',
        '::: solution',
        'Stray.',
        ':::',
        '',
        '## Intro',
        '',
        '::: solution',
        'No challenge before me.',
        ':::',
        '',
        '::: challenge',
        'Tag a release.',
        ':::',
        '',
        '::: callout',
        'A note.',
        ':::',
        '',
        '::: solution',
        '`git tag v1`',
        ':::',
      ].join('\n'),
    );
    expect(lesson.exercises.map((e) => [e.title, e.prompt, e.hints, e.solution])).toEqual([
      ['Undo', 'Undo the last commit.', ['Look at `git reset`.'], '`git reset HEAD~1`\n\nOr `git revert HEAD`.'],
      ['Stash', 'Stash changes.', [], '`git stash`'],
      ['Challenge', 'Tag a release.', [], null],
    ]);
    expect(lesson.sections).toEqual([
      { title: 'Undoing', markdown: '<!-- answers -->', line: 3 },
      { title: 'Later', markdown: 'Some text.\n\nThen a paragraph.\n\n::: solution\nStray.\n:::', line: 24 },
      {
        title: 'Intro',
        markdown: '::: solution\nNo challenge before me.\n:::\n\n::: callout\nA note.\n:::\n\n::: solution\n`git tag v1`\n:::',
        line: 43,
      },
    ]);
  });

  it('reads a div that holds an answer, at any depth, as an exercise, but not an instructor note or a nested challenge', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '## Notes',
        '',
        '::: callout',
        '## Tip',
        'A plain callout.',
        '',
        ':::: discussion',
        'Talk.',
        '::::',
        ':::',
        '',
        '::: callout',
        '## Quiz',
        'Which?',
        '',
        ':::: discussion',
        'Think.',
        '',
        '::::: solution',
        'This one.',
        ':::::',
        '::::',
        ':::',
        '',
        '::: callout',
        '## Nested challenge',
        ':::: challenge',
        '## Inner',
        'Q?',
        '',
        '::::: solution',
        'A.',
        ':::::',
        '::::',
        ':::',
        '',
        '::: callout',
        '## Listed',
        '- Step one',
        '- Step two',
        '',
        '  :::: solution',
        '  Done.',
        '  ::::',
        ':::',
        '',
        '::: instructor',
        ':::: solution',
        'Forty-two.',
        '::::',
        ':::',
      ].join('\n'),
    );
    expect(lesson.exercises.map((e) => [e.title, e.prompt, e.solution])).toEqual([
      ['Quiz', 'Which?\n\n::: discussion\nThink.\n:::', 'This one.'],
      ['Inner', 'Q?', 'A.'],
      ['Listed', '- Step one\n- Step two', 'Done.'],
    ]);
    expect(lesson.sections).toEqual([
      {
        title: 'Notes',
        markdown:
          '::: callout\n## Tip\n\nA plain callout.\n\n::: discussion\nTalk.\n:::\n:::\n\n::: callout\n## Nested challenge\n:::\n\n::: instructor\n::: solution\nForty-two.\n:::\n:::',
        line: 3,
      },
    ]);
  });

  it('reads objectives, questions and key points from their divs, item by item or paragraph by paragraph', () => {
    const lesson = extract(
      '# 1.1: Git\n\n::: objectives\n## Objectives\n- Explain commits\n- \n\nUse branches.\n:::\n\n::: questions\nWhat is a commit?\n:::\n\n::: keypoints\n- Commit often\n:::\n',
    );
    expect(fields(lesson, 'objectives', 'questions', 'keypoints', 'sections')).toEqual({
      objectives: [
        { text: 'Explain commits', line: 5 },
        { text: 'Use branches.', line: 8 },
      ],
      questions: [{ text: 'What is a commit?', line: 12 }],
      keypoints: [{ text: 'Commit often', line: 16 }],
      sections: [{ title: 'Introduction', markdown: '', line: 3 }],
    });
  });
});

describe('code: examples and diagrams', () => {
  it('titles code by the nearest heading outside callouts and quotations, and tells diagrams from code', () => {
    const lesson = extract(
      [
        '# 1.1: Git',
        '',
        '```',
        'graph TD',
        '  A-->B',
        '```',
        '',
        '## Setup',
        '',
        '::: callout',
        '### Note',
        '',
        '```sh',
        'which git',
        '```',
        ':::',
        '',
        '> ### Tip',
        '>',
        '> ```sh',
        '> git help',
        '> ```',
        '',
        '```sh',
        'git status',
        '```',
        '',
        '```text',
        'flowchart LR',
        '  A-->B',
        '```',
        '',
        '```',
        'echo "graph TD"',
        '```',
        '',
        '```',
        'digraph TB {}',
        '```',
        '',
        '```',
        'flowchart  LR',
        '  A-->B',
        '```',
        '',
        '```',
        '  sequenceDiagram',
        '  A->>B: hi',
        '```',
        '',
        '```',
        'render(sequenceDiagram)',
        '```',
        '',
        '```output',
        'ok',
        '```',
        '',
        '::: challenge',
        '## Try',
        '```sh',
        'git init',
        '```',
        '',
        '- Then:',
        '',
        '  ```sh',
        '  git add .',
        '  ```',
        ':::',
      ].join('\n'),
    );
    expect(lesson.examples.map((e) => [e.title, e.declaredLanguage, e.code])).toEqual([
      ['Note', 'bash', 'which git'],
      ['Tip', 'bash', 'git help'],
      ['Setup', 'bash', 'git status'],
      ['Setup', 'text', 'flowchart LR\n  A-->B'],
      ['Setup', null, 'echo "graph TD"'],
      ['Setup', null, 'digraph TB {}'],
      ['Setup', null, 'render(sequenceDiagram)'],
    ]);
    expect(lesson.diagrams).toEqual([
      { title: 'Git', type: 'flowchart', code: 'graph TD\n  A-->B', line: 3 },
      { title: 'Setup', type: 'flowchart', code: 'flowchart  LR\n  A-->B', line: 41 },
      { title: 'Setup', type: 'sequence', code: '  sequenceDiagram\n  A->>B: hi', line: 46 },
    ]);
  });

  it('numbers examples and diagrams when no heading names them', () => {
    const lesson = extract('```sh\nls\n```\n\n```mermaid\npie\n  "a": 1\n```\n\n```sh\npwd\n```\n\n```mermaid\ngraph LR\n  A-->B\n```\n', 'lessons/x.md');
    expect(lesson.examples.map((e) => [e.title, e.code])).toEqual([
      ['Example 1', 'ls'],
      ['Example 2', 'pwd'],
    ]);
    expect(lesson.diagrams.map((d) => [d.title, d.type])).toEqual([
      ['Diagram 1', 'pie'],
      ['Diagram 2', 'flowchart'],
    ]);
  });

  it('names code by a top-level heading that is a part, not the title', () => {
    const untitled = extract('## Setup\n\n# Appendix\n\n```sh\nls\n```\n', 'lessons/x.md');
    expect(untitled.examples.map((e) => e.title)).toEqual(['Appendix']);
    const lecture = extract('---\nlayout: lecture\ntitle: Git internals\n---\n\nToday.\n\n```sh\ngit --version\n```\n\n# Objects\n\n```sh\ngit cat-file -p HEAD\n```\n');
    expect(lecture.examples.map((e) => e.title)).toEqual(['Git internals', 'Objects']);
  });
});
