// Lessons that are folders (issue 19): a numbered folder's README.md is its lesson, translations are not
// lessons, and the folder's assignment.md is the lesson's last exercise. The "…-For-Beginners" shape.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { findLessonFolders, type FolderFile } from '../src/course/lesson-folders.js';
import { isTranslation, withoutTranslations, translationsLine } from '../src/course/translations.js';
import { attachAssignment } from '../src/course/assignments.js';
import { analyzeLesson } from '../src/pipeline.js';
import { loadCourse } from '../src/orchestrate/course.js';

const file = (path: string, looksLikeLesson = false): FolderFile => {
  const cut = path.lastIndexOf('/');
  return { key: `/c/${path}`, folder: cut < 0 ? '' : path.slice(0, cut), name: path.slice(cut + 1), looksLikeLesson };
};
const analyse = (path: string, text: string) => analyzeLesson(new VFile({ path, value: text }));

describe('lesson folders', () => {
  it('a numbered folder\'s README is its lesson, named for the folder, in the section above', () => {
    const found = findLessonFolders([
      file('README.md'),
      file('1-getting-started/README.md'),
      file('1-getting-started/1-intro/README.md'),
      file('1-getting-started/1-intro/assignment.md'),
      file('1-getting-started/2-github/README.md'),
      file('2-js/README.md'),
      file('2-js/1-types/README.md'),
    ]);
    expect([...found.values()].map(({ id, moduleDir }) => `${moduleDir}/${id}`)).toEqual(['1-getting-started/1-intro', '1-getting-started/2-github', '2-js/1-types']);
    expect(found.get('/c/1-getting-started/1-intro/README.md')?.assignment).toBe('/c/1-getting-started/1-intro/assignment.md');
    expect(found.get('/c/1-getting-started/2-github/README.md')?.assignment).toBeNull();
    // The sections' READMEs and the course README stay overviews.
    expect(found.has('/c/1-getting-started/README.md')).toBe(false);
    expect(found.has('/c/README.md')).toBe(false);
  });

  it('a house-format module (lesson files beside its README) stays a module; a lone unnumbered README stays an overview', () => {
    const found = findLessonFolders([
      file('module-6/README.md', true),
      file('module-6/6.7-docker.md', true),
      file('module-7/README.md', true),
      file('module-7/7.1-k8s.md', true),
      file('docs/README.md'),
    ]);
    expect(found.size).toBe(0);
  });

  it('an unnumbered folder is a lesson when its page looks like one; one numbered folder alone is not a sequence', () => {
    expect([...findLessonFolders([file('intro/README.md', true)]).values()].map((f) => f.id)).toEqual(['intro']);
    expect(findLessonFolders([file('1-intro/README.md')]).size).toBe(0);
    expect(findLessonFolders([file('1-intro/README.md'), file('2-next/index.md')]).size).toBe(2);
  });

  it('a folder holding numbered folders is a section even when its README has a number in its title', () => {
    const found = findLessonFolders([file('unit-1/README.md', true), file('unit-1/lesson-1/README.md'), file('unit-1/lesson-2/README.md'), file('unit-1/solution/README.md')]);
    expect([...found.values()].map((f) => f.id)).toEqual(['lesson-1', 'lesson-2']);
  });
});

describe('translations', () => {
  it('files in translation folders and NAME.xx.md beside NAME.md are translations', () => {
    const names = new Set(['README.md', 'README.es.md', 'README.zh-cn.md', 'assignment.md', 'assignment.pt-br.md', 'notes.old.md', 'intro.md', 'intro.v2.md']);
    expect(isTranslation('1-intro/translations/README.es.md', new Set(['README.es.md']))).toBe(true);
    expect(isTranslation('1-intro/i18n/README.md', new Set(['README.md']))).toBe(true);
    expect(isTranslation('1-intro/README.es.md', names)).toBe(true);
    expect(isTranslation('1-intro/README.zh-cn.md', names)).toBe(true);
    expect(isTranslation('1-intro/assignment.pt-br.md', names)).toBe(true);
    // Twins: not a language, no original beside it, or an original.
    expect(isTranslation('1-intro/notes.old.md', names)).toBe(false);
    expect(isTranslation('1-intro/intro.v2.md', names)).toBe(false);
    expect(isTranslation('1-intro/guide.fr.md', names)).toBe(false);
    expect(isTranslation('1-intro/README.md', names)).toBe(false);
  });

  it('splits what a folder walk found, and says so in one line', () => {
    const { kept, translations } = withoutTranslations(['README.md', 'a/README.md', 'a/README.es.md', 'a/translations/README.ja.md', 'b/01-intro.md']);
    expect(kept).toEqual(['README.md', 'a/README.md', 'b/01-intro.md']);
    expect(translations).toEqual(['a/README.es.md', 'a/translations/README.ja.md']);
    expect(translationsLine(2)).toBe('skipped 2 translations (translations/ folders and README.xx.md files); build one with lectern build PATH');
  });
});

describe('the assignment joins its lesson', () => {
  it('becomes the last exercise, opened by the lesson\'s Assignment section (without the bare link)', () => {
    const lesson = analyse('c/1-intro/README.md', '# Intro\n\nText.\n\n## 🚀 Challenge\n\nDo a thing.\n\n## Assignment\n\n[Reading the docs](assignment.md)\n\n> Pick new tools.\n').lesson;
    const assignment = analyse('c/1-intro/assignment.md', '# Reading the Docs\n\n## Instructions\n\nFind three tools.\n\n## Rubric\n\n| Criteria | Exemplary |\n| --- | --- |\n| Tools | All three |\n');
    expect(lesson.sections.map((s) => s.title)).toContain('Assignment');
    attachAssignment(lesson, { title: assignment.lesson.title, tree: assignment.tree, fileName: 'assignment.md' });
    expect(lesson.sections.map((s) => s.title)).not.toContain('Assignment');
    expect(lesson.exercises.map((e) => e.title)).toEqual(['🚀 Challenge', 'Assignment: Reading the Docs']);
    const prompt = lesson.exercises[1]!.prompt;
    expect(prompt).toContain('> Pick new tools.');
    expect(prompt).toContain('#### Instructions');
    expect(prompt).toMatch(/\| Tools +\| All three \|/);
    expect(prompt).not.toContain('(assignment.md)');
  });
});

describe('quiz, review and challenge headings', () => {
  it('quizzes and Review & Self Study are resources, the challenge an exercise; nothing is lost', () => {
    const { lesson } = analyse(
      'c/1-intro/README.md',
      '# Intro\n\nText.\n\n## Pre-Lecture Quiz\n\n[Pre-lecture quiz](https://q.example/1)\n\n## 🚀 Challenge\n\nTry it.\n\n## [Post-lecture quiz](https://q.example/2)\n\n## Review & Self Study\n\nRead the history of the web.\n',
    );
    expect(lesson.resources.map((r) => [r.text, r.url])).toEqual([
      ['Pre-lecture quiz', 'https://q.example/1'],
      ['Post-lecture quiz', 'https://q.example/2'],
      ['Read the history of the web.', null],
    ]);
    expect(lesson.exercises.map((e) => e.prompt)).toEqual(['Try it.']);
    expect(lesson.sections.map((s) => s.title)).toEqual(['Introduction']);
    expect(lesson.diagnostics.map((d) => d.rule)).not.toContain('empty-section');
  });
});

describe('a course of lesson folders (tests/fixtures-folders)', () => {
  it('finds 3 lessons in 2 sections, in folder order, with their assignments, and leaves the translations out', async () => {
    const cwd = join(import.meta.dirname, '..');
    const course = await loadCourse(['tests/fixtures-folders'], cwd);
    expect(course.lessons.map((doc) => `${doc.moduleDir}/${doc.analysis.lesson.id}`)).toEqual([
      '1-getting-started/1-what-is-code',
      '1-getting-started/2-version-control',
      '2-javascript/1-values-and-types',
    ]);
    expect(course.modules.map((module) => [module.dir, module.title, module.overview?.analysis.lesson.title])).toEqual([
      ['', 'Coding from Scratch', 'Coding from Scratch'],
      ['1-getting-started', 'Getting Started', 'Getting Started'],
      ['2-javascript', 'JavaScript', 'JavaScript'],
    ]);
    expect(course.title).toBe('Coding from Scratch');
    expect(course.translations).toHaveLength(5);
    expect(course.files.map((doc) => doc.path).filter((path) => /\.(?:es|fr|ja|zh-cn)\.md$/.test(path))).toEqual([]);
    // The assignments are part of their lessons, not documents of the course.
    expect(course.documents).toEqual([]);
    expect(course.assignments.size).toBe(3);
    for (const doc of course.lessons) expect(doc.analysis.lesson.exercises.at(-1)?.title).toMatch(/^Assignment: /);
  });

  it('a translation named on the command line is built as the lesson it is', async () => {
    const cwd = join(import.meta.dirname, '..');
    const course = await loadCourse(['tests/fixtures-folders/1-getting-started/1-what-is-code/translations/README.es.md'], cwd);
    expect(course.translations).toEqual([]);
    expect(course.lessons.map((doc) => doc.analysis.lesson.title)).toEqual(['¿Qué es el código?']);
  });
});
