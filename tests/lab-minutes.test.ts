// The lab's own time estimate, counted without planning the sheet (`defaultLabMinutes`, which the
// index asks of every lesson on every build), must be what the planned sheet adds up to, for every
// lesson of the test corpora: a task kind added to `planLab` and not to the count fails here.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import { defaultLabMinutes, planLab } from '../src/plan/lab-tasks.js';
import { markdownFiles } from './helpers/markdown-files.js';


describe('defaultLabMinutes', () => {
  it('equals the planned lab sheet’s total for every lesson of the test corpora', () => {
    const lessons = markdownFiles(import.meta.dirname).map((path) => analyzeLesson(new VFile({ path, value: readFileSync(path, 'utf8') }), { lint: false }).lesson);
    const withTasks = lessons.filter((lesson) => planLab(lesson).tasks.length > 1);
    // The corpora hold many lessons with several kinds of task, or the comparison would prove little.
    expect(withTasks.length).toBeGreaterThan(40);
    const kinds = new Set(withTasks.flatMap((lesson) => planLab(lesson).tasks.map((task) => task.kind)));
    expect([...kinds].sort()).toEqual(['build', 'discussion', 'exercise', 'review', 'troubleshooting']);
    const differ = lessons
      .map((lesson) => ({ path: lesson.id, counted: defaultLabMinutes(lesson), planned: planLab({ ...lesson, meta: { ...lesson.meta, exerciseMinutes: null } }).totalMinutes }))
      .filter((row) => row.counted !== row.planned);
    expect(differ).toEqual([]);
  });
});
