// What a lab sheet states on its own: prerequisites, the tools to have and file names. Each must come
// from the lesson's own words (issue #16, and the prerequisites line of #15) — checked over the sample
// module, the seed and the Carpentries copy, against an independent reading of the raw Markdown.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayFileName } from '../src/plan/display-file-name.js';
import { previousInModule } from '../src/render/lab-facts.js';
import { COMMAND_TOOLS, planLab } from '../src/plan/lab-tasks.js';
import { analyze, assets, contextFor, load, root, templates } from './helpers/render.js';
import { visibleText } from './helpers/html.js';
import { renderLab } from '../src/render/lab.js';
import { lessonMinutes } from '../src/course/lesson-minutes.js';
import { lessonDuration } from '../src/course/duration.js';
import { lessonTiming } from '../src/workshop/timing.js';
import { parseWorkshop } from '../src/workshop/config.js';
import { layOut } from '../src/workshop/schedule.js';
import { renderAgenda } from '../src/workshop/agenda.js';
import { renderGuide } from '../src/workshop/guide.js';
import { lessonMaterials } from '../src/workshop/materials.js';
import { minutesText } from '../src/render/print-document.js';
import type { WorkshopConfig } from '../src/workshop/config.js';
import type { LessonTiming } from '../src/workshop/timing.js';
import type { Lesson } from '../src/model/lesson.js';

const folder = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => `${dir}/${f}`);

// The sample module, the seed and both Carpentries corpora (shell-novice in both dialects).
const MODULES = [
  folder('lessons/module-3-web-apis'),
  ['tests/corpus/seed-6.7-docker-fundamentals.md'],
  folder('tests/corpus/shell-novice/workbench'),
  folder('tests/corpus/shell-novice/styles'),
  folder('tests/corpus/python-novice-inflammation/episodes'),
];

/** Lines of the raw Markdown a learner would type: fenced code lines and inline code, prompts removed. */
function typedLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | null = null;
  for (const raw of markdown.split('\n')) {
    const marker = /^\s*(?:>\s*)*(`{3,}|~{3,})/.exec(raw)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) {
      fence = fence === null ? marker : null;
      continue;
    }
    if (fence !== null) lines.push(raw.replace(/^\s*(?:>\s*)*/, ''));
    for (const span of raw.matchAll(/`([^`]+)`/g)) lines.push(span[1]!);
  }
  return lines.map((line) => line.replace(/^\s*\$\s+/, '').replace(/^sudo\s+/, '').trim());
}

describe('lab statements over the sample module, the seed and the Carpentries episodes', () => {
  for (const files of MODULES) {
    const docs = files.map((path) => ({ path, analysis: { lesson: load(path) } }));
    for (const doc of docs) {
      const { lesson } = doc.analysis;
      const plan = planLab(lesson, previousInModule(docs, doc));

      it(`${doc.path}: the prerequisites never name the lesson itself`, () => {
        for (const item of plan.prerequisites) {
          if (lesson.title) expect(item).not.toContain(lesson.title);
          if (lesson.number) expect(item).not.toMatch(new RegExp(`Lesson ${lesson.number.replace(/\./g, '\\.')}\\b`));
        }
      });

      it(`${doc.path}: every tool named is used by a command of the lesson`, () => {
        const typed = typedLines(readFileSync(join(root, doc.path), 'utf8'));
        for (const tool of plan.tools) {
          const patterns = COMMAND_TOOLS.filter(([, name]) => name === tool).map(([pattern]) => pattern);
          expect(patterns.length, tool).toBeGreaterThan(0);
          expect(typed.some((line) => patterns.some((p) => p.test(line))), `${tool} in ${doc.path}`).toBe(true);
          expect(tool).not.toMatch(/cluster/i);
        }
      });
    }
  }

  it('names the previous lesson of the module by its number and title', () => {
    const docs = MODULES[0]!.map((path) => ({ path, analysis: { lesson: load(path) } }));
    expect(planLab(docs[1]!.analysis.lesson, previousInModule(docs, docs[1]!)).prerequisites).toEqual(['Completed Lesson 3.1: HTTP Fundamentals']);
    // The first lesson has no previous lesson: the module overview it links to.
    expect(planLab(docs[0]!.analysis.lesson, previousInModule(docs, docs[0]!)).prerequisites).toEqual(['Read the module overview']);
  });

  it('lists the tools of the commands the sample lessons type (curl in HTTP Fundamentals)', () => {
    expect(planLab(load('lessons/module-3-web-apis/3.1-http-fundamentals.md')).tools).toContain('curl');
  });
});

const K8S = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2'].join('\n');

describe('tools and file names come from the lesson', () => {
  const lesson = (shell: string, exercise: string, caption = 'A Deployment') =>
    analyze(
      [
        '# Lesson 9.2: Pods',
        '',
        '## Examples',
        '',
        `### ${caption}`,
        '',
        '```yaml',
        K8S,
        '```',
        '',
        shell ? ['### Applying it', '', '```bash', shell, '```', ''].join('\n') : '',
        '## Exercises',
        '',
        '### Exercise 1: Scale it',
        '',
        exercise,
        '',
      ].join('\n'),
    );

  it('names kubectl only when the lesson runs it, and claims nothing about a cluster', () => {
    expect(planLab(lesson('kubectl apply -f web.yaml', 'Scale the deployment.')).tools).toEqual(['kubectl']);
    // The generated check uses kubectl, but the lesson never does: nothing to "need".
    expect(planLab(lesson('', 'Scale the deployment.')).tools).toEqual([]);
  });

  it('asks for the file the exercise names, else a neutral label from the caption', () => {
    const named = planLab(lesson('', 'Write `web.yaml` with three replicas.')).tasks.find((t) => t.kind === 'build')!;
    expect(named.fileName).toBe('web.yaml');
    expect(named.check?.command).toBe('kubectl apply --dry-run=client -f web.yaml');
    const neutral = planLab(lesson('', 'Scale the deployment.')).tasks.find((t) => t.kind === 'build')!;
    expect(neutral.fileName).toBe('a-deployment.yaml');
    const captioned = planLab(lesson('', 'Write `web.yaml`.', 'Deployment (app.yaml)')).tasks.find((t) => t.kind === 'build')!;
    expect(captioned.fileName).toBe('app.yaml');
  });

  it('captions show the author’s file name or none: never script.sh or a guessed manifest name', () => {
    expect(displayFileName('cd data\nls -l\nwc -l *.txt', 'bash')).toBeNull();
    expect(displayFileName(K8S, 'yaml', 'A Deployment')).toBeNull();
    expect(displayFileName(`# file: web.yaml\n${K8S}`, 'yaml', 'A Deployment')).toBe('web.yaml');
    expect(displayFileName('FROM python:3.12\nCOPY . .', 'dockerfile', 'Image')).toBe('Dockerfile');
  });
});

/** The Teaching and Exercises minutes as the rendered agenda (totals) and facilitator guide (lesson timing) print them. */
function renderedTiming(lesson: Lesson, timing: LessonTiming): { agenda: string[]; guide: string[] } {
  const config: WorkshopConfig = {
    title: 'Day', date: null, venue: null, audience: null, participants: null, facilitators: [],
    start: 9 * 60, slot: { minutes: 600, line: 1 }, minutesPerSlide: 2, lessons: [], breaks: [],
  };
  const schedule = layOut({ start: config.start, slot: config.slot, lessons: [{ title: lesson.title, teaching: timing.teaching, exercises: timing.exercises }], breaks: [] });
  const options = { assets, paper: 'a4' as const, version: 'test' };
  const lab = planLab(lesson, null, timing.exercises);
  const guide = renderGuide(config, schedule, [{
    title: lesson.title, source: 'x.md', module: null, timing, slides: [], lab, materials: lessonMaterials(lesson, lab),
    files: { deck: null, handout: null, lab: null, labInstructor: null }, pages: { handout: null, lab: null },
  }], { prerequisites: [], pack: null }, templates, options).html;
  const agenda = renderAgenda(config, schedule, templates, options).html;
  const read = (html: string, pattern: RegExp) => ['Teaching', 'Exercises'].map((label) => new RegExp(pattern.source.replace('LABEL', label)).exec(html)?.[1]);
  return {
    agenda: read(agenda, /<dt>LABEL<\/dt><dd>([^<]+)<\/dd>/) as string[],
    guide: read(guide.slice(guide.indexOf('lesson-timing')), /<dt>LABEL<\/dt><dd>([^<(]+?) <span/) as string[],
  };
}

describe('one timing model: the same minutes in the index, the lab, the agenda and the guide', () => {
  for (const files of MODULES) {
    const dir = files[0]!.slice(0, files[0]!.lastIndexOf('/'));
    const readme = join(root, dir, 'README.md');
    // The module README's lesson list ("… (45 minutes)"), read here independently of the build.
    const listed = new Map<string, number>();
    if (existsSync(readme)) {
      // One entry per list item, its continuation lines joined.
      for (const line of readFileSync(readme, 'utf8').split(/\n(?=\s*(?:\d+\.|[-*])\s)|\n\s*\n/).map((item) => item.replace(/\s*\n\s*/g, ' '))) {
        const link = /\]\(\.\/([^)]+\.md)\)/.exec(line)?.[1];
        const minutes = /\((\d+) minutes\)\s*$/.exec(line)?.[1];
        if (link && minutes) listed.set(`${dir}/${link}`, Number(minutes));
      }
    }
    for (const path of files) {
      it(`${path}: index, lab and agenda agree`, () => {
        const lesson = load(path);
        const shared = lessonMinutes(lesson, listed.get(path) ?? null);
        const index = lessonDuration(lesson, listed.get(path) ?? null);
        const agenda = lessonTiming({
          meta: lesson.meta,
          size: { teachingSlides: 99, labTasks: 9, labMinutes: 99 },
          adjust: { teaching: null, exercises: null },
          minutesPerSlide: 2,
          shared,
        });
        const lab = renderLab(contextFor(lesson, { minutes: shared }), templates, { instructor: false, assets });
        const labTotal = /Total time: (?:about )?(\d+) min/.exec(visibleText(lab.html))?.[1];
        expect(index.minutes).toBe(agenda.teaching + agenda.exercises);
        if (planLab(lesson).tasks.length > 0 && agenda.exercises === 0) {
          // `exercises: 0` (Carpentries): the tasks are done within the teaching time, and the sheet says so.
          expect(visibleText(lab.html)).toContain(`Total time: within the lesson's ${minutesText(agenda.teaching)} of teaching`);
        } else if (planLab(lesson).tasks.length > 0) expect(Number(labTotal)).toBe(agenda.exercises);
        // The rendered agenda's totals and the facilitator guide's timing of a one-lesson day say the same minutes.
        const shown = renderedTiming(lesson, agenda);
        expect(shown.agenda).toEqual([minutesText(agenda.teaching), minutesText(agenda.exercises)]);
        expect(shown.guide).toEqual(shown.agenda);
        if (listed.has(path) && lesson.meta.teachingMinutes === null) expect(index.minutes).toBe(listed.get(path));
        if (path.endsWith('3.1-http-fundamentals.md')) expect(index.minutes).toBe(45);
        expect(index.source === 'estimate').toBe(agenda.teachingFrom === 'estimate' || agenda.exercisesFrom === 'estimate');
      });
    }
  }

  it('a lesson that gives its exercise time gets a lab sheet of exactly that time', () => {
    const lesson = analyze('---\nteaching: 20\nexercises: 25\n---\n# Lesson 9.1: T\n\n## Exercises\n\n### Exercise 1: A\n\nDo A.\n\n### Exercise 2: B\n\nDo B.\n\n## Common Pitfalls\n- Forgetting B\n');
    expect(planLab(lesson).totalMinutes).toBe(25);
    expect(lessonDuration(lesson, 60).minutes).toBe(45);
  });
});

describe('the scaffolded workshop of the sample module', () => {
  it('fits its 6 h slot before any change: each lesson takes its README minutes', () => {
    const { config } = parseWorkshop(readFileSync(join(root, 'tests', 'fixtures-workshop', 'scaffold', 'workshop.yaml'), 'utf8'));
    const docs = MODULES[0]!.map((path) => ({ path, analysis: { lesson: load(path) } }));
    const listed: Record<string, number> = { '3.1': 45, '3.2': 50, '3.3': 50 };
    const lessons = docs.map((doc) => {
      const minutes = lessonMinutes(doc.analysis.lesson, listed[doc.analysis.lesson.number ?? ''] ?? null);
      return { title: doc.path, teaching: minutes.teaching, exercises: minutes.exercises };
    });
    expect(lessons.map((l) => l.teaching + l.exercises)).toEqual([45, 50, 50]);
    const schedule = layOut({ start: config!.start, slot: config!.slot, lessons, breaks: config!.breaks });
    expect(schedule.overrun).toBe(0);
    expect(schedule.diagnostics.filter((d) => d.rule === 'workshop-overrun')).toEqual([]);
  });
});
