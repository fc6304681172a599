// Lab sheets: the exercise plan (explicit exercises, generated "write this file" tasks, discussion,
// troubleshooting, review), and the student/instructor split — students never see a solution.
import { describe, it, expect } from 'vitest';
import type { Lesson } from '../src/model/lesson.js';
import { renderLab } from '../src/render/lab.js';
import { discussionQuestion, isSnippetLesson, planLab, starterCode, taskExamples } from '../src/plan/lab-tasks.js';
import { tokenize, visibleText } from './helpers/html.js';
import { analyze, assets, blockTexts, contextFor, LESSONS as SAMPLE_LESSONS, load, normal, templates } from './helpers/render.js';

const render = (lesson: Lesson, instructor: boolean) => renderLab(contextFor(lesson), templates, { instructor, assets });

/** Lines of code worth hiding: not blank, not a comment, not a bare key or bracket. */
function significantLines(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length >= 6 && !/^(?:#|\/\/|--|\/\*|\*)/.test(line) && !/^[\w"'.\/-]+:$/.test(line) && !/^[)}\]];?$/.test(line));
}

const LESSONS = { ...SAMPLE_LESSONS, workbenchCreate: 'tests/fixtures/workbench-create/input.md' };

describe('generated tasks for the seed', () => {
  const lesson = load(LESSONS.seed);
  const plan = planLab(lesson);
  const builds = plan.tasks.filter((t) => t.kind === 'build');

  it('makes one task per configuration example', () => {
    expect(builds.map((t) => t.fileName)).toEqual(['Dockerfile', 'docker-compose.yml']);
  });

  it('asks for the Dockerfile with a starter of TODO hints that keeps the comments', () => {
    const task = builds[0]!;
    expect(task.goal).toMatch(/^Write the Dockerfile that builds on `python:3\.9-slim`/);
    expect(task.steps[0]).toContain('`Dockerfile`');
    const starter = task.starter!;
    expect(starter).toContain('# TODO: choose a base image');
    expect(starter).toContain('# TODO: install the dependencies');
    for (const comment of ['# Base image', '# Set working directory', '# Install dependencies', '# Run application']) expect(starter).toContain(comment);
    expect(starter.indexOf('# Base image')).toBeLessThan(starter.indexOf('# TODO: choose a base image'));
    expect(starter).not.toContain('pip install --no-cache-dir -r requirements.txt');
    for (const line of significantLines(lesson.examples[0]!.code)) expect(starter).not.toContain(line);
    expect(task.check?.command).toBe('docker build -t lab .');
    expect(task.expected).toContain('docker image ls lab');
  });

  it('asks for docker-compose.yml, checked with docker compose config', () => {
    const task = builds[1]!;
    expect(task.goal).toContain('`docker-compose.yml`');
    expect(task.goal).toContain('`web` and `db`');
    expect(task.check?.command).toBe('docker compose config');
    expect(task.starter).toContain('services:');
    expect(task.starter).toContain('# TODO: publish the ports');
    expect(task.starter).not.toContain('postgres:13');
    expect(task.checkpoints).toContain('`docker compose config` succeeds');
  });

  it('turns case studies into discussion questions', () => {
    const discussions = plan.tasks.filter((t) => t.kind === 'discussion');
    expect(discussions.map((t) => t.title)).toEqual(['Microservices Migration', 'Development Environment']);
    expect(discussions[0]!.questions[0]).toBe('How would you migrate monolithic application to containers?');
  });

  it('turns pitfalls into a troubleshooting checklist', () => {
    const checklist = plan.tasks.find((t) => t.kind === 'troubleshooting')!;
    expect(checklist.checkpoints).toEqual(lesson.pitfalls.map((p) => p.text));
  });

  it('adds up the default times: 8 per build task, 5 per discussion and checklist', () => {
    expect(plan.tasks.map((t) => t.minutes)).toEqual([8, 8, 5, 5, 5]);
    expect(plan.totalMinutes).toBe(31);
    expect(plan.timedByLesson).toBe(false);
  });

  it('opens with objectives, prerequisites and the total time', () => {
    const text = visibleText(render(lesson, false).html);
    expect(text).toContain('Before you start Objectives ☐ Understand container concepts');
    // Built alone, the lab knows the previous lesson from the navigation link only; never the lesson itself.
    expect(text).toContain('Prerequisites ☐ Completed Lesson 6.6');
    expect(text).not.toContain('Completed Lesson 6.7');
    // The seed gives no exercise time: the total is Lectern's estimate, and says so.
    expect(text).toContain('Total time: about 31 min (estimate) for 5 tasks.');
    expect(text.indexOf('Before you start')).toBeLessThan(text.indexOf('Dockerfile Configuration'));
  });

  it('says plainly that a lesson with nothing to work through has no tasks, with no empty prerequisites', () => {
    const notes = analyze('# Week 1 notes\n\nWelcome.\n\n---\n\n## What is a program?\n\nA list of instructions.\n\n## Homework\n\nRead chapter 1.\n');
    for (const instructor of [false, true]) {
      const text = visibleText(render(notes, instructor).html);
      expect(text).toContain('Total time none Tasks none');
      expect(text).toContain('This lesson has no exercise, challenge or example to work through, so this sheet has no tasks.');
      expect(text).not.toMatch(/\b0 tasks|\b0 min|Prerequisites|Schedule/);
    }
  });

  it('prints the starter, the file name, the check command and checkboxes on the student sheet', () => {
    const text = visibleText(render(lesson, false).html);
    expect(text).toContain('File Dockerfile');
    expect(text).toContain('# TODO: choose a base image');
    expect(text).toContain('Check your work $ docker build -t lab .');
    expect(text).toContain('Checkpoints ☐ Dockerfile created ☐ No TODO left in the file ☐ docker build -t lab . succeeds');
    expect(text).toContain('☐ Large image sizes');
  });
});

describe('student and instructor versions', () => {
  for (const [name, path] of Object.entries(LESSONS)) {
    describe(name, () => {
      const lesson = load(path);
      const plan = planLab(lesson);
      const student = visibleText(render(lesson, false).html);
      const instructor = visibleText(render(lesson, true).html);
      const starters = plan.tasks.map((t) => t.starter ?? '').join('\n');
      const prompts = normal(lesson.exercises.flatMap((e) => [e.prompt, ...e.steps, ...e.hints]).join('\n'));

      it('the student sheet contains no solution and no example code beyond the starters', () => {
        const leaked: string[] = [];
        for (const exercise of lesson.exercises) {
          if (!exercise.solution) continue;
          for (const text of blockTexts(exercise.solution)) {
            if (text.length >= 8 && !prompts.includes(text) && student.includes(text)) leaked.push(text);
          }
        }
        for (const example of taskExamples(lesson)) {
          for (const line of significantLines(example.code)) {
            if (!starters.includes(line) && student.includes(normal(line))) leaked.push(line);
          }
        }
        expect(leaked).toEqual([]);
      });

      it('the instructor version has every solution and the complete example code', () => {
        for (const exercise of lesson.exercises) {
          for (const text of exercise.solution ? blockTexts(exercise.solution) : []) expect(instructor).toContain(text);
        }
        for (const example of taskExamples(lesson)) {
          for (const line of significantLines(example.code)) expect(instructor).toContain(normal(line));
        }
      });

      it('both keep every exercise prompt, step and hint', () => {
        for (const exercise of lesson.exercises) {
          for (const text of [...blockTexts(exercise.prompt), ...exercise.hints.flatMap(blockTexts)]) {
            expect(student).toContain(text);
            expect(instructor).toContain(text);
          }
        }
      });

      it('labels the versions and gives each task a time', () => {
        const studentHtml = render(lesson, false);
        const instructorHtml = render(lesson, true);
        expect(studentHtml.title).toMatch(/^Lab sheet — /);
        expect(instructorHtml.title).toMatch(/^Instructor guide — /);
        expect(instructorHtml.footerTemplate).toContain('not for learners');
        expect(student).not.toContain('For the instructor');
        expect((instructor.match(/For the instructor/g) ?? []).length).toBe(plan.tasks.length);
        for (const task of plan.tasks) expect(task.minutes).toBeGreaterThan(0);
        expect(plan.totalMinutes).toBe(plan.tasks.reduce((sum, t) => sum + t.minutes, 0));
      });
    });
  }
});

describe('Carpentries episodes', () => {
  const lesson = load(LESSONS.workbenchLoop);
  const plan = planLab(lesson);

  it('keep their challenges as exercises and generate no tasks from shell snippets', () => {
    expect(isSnippetLesson(lesson)).toBe(true);
    expect(plan.tasks.filter((t) => t.kind === 'build')).toEqual([]);
    expect(plan.tasks.filter((t) => t.kind === 'exercise').map((t) => t.title)).toEqual(lesson.exercises.map((e) => e.title));
  });

  it('share the lesson exercise time among the challenges', () => {
    expect(plan.timedByLesson).toBe(true);
    expect(plan.totalMinutes).toBe(10);
  });

  it('show a challenge solution to instructors only', () => {
    const solution = '$ for loop_variable in 0 1 2 3 4 5 6 7 8 9';
    expect(lesson.exercises[0]!.solution).toContain(solution);
    expect(visibleText(render(lesson, false).html)).not.toContain(solution);
    expect(visibleText(render(lesson, true).html)).toContain(solution);
  });

  it('pass instructor divs to the instructor version as facilitation notes', () => {
    const create = load(LESSONS.workbenchCreate);
    const notes = planLab(create).facilitationNotes;
    expect(notes.length).toBeGreaterThan(0);
    const first = blockTexts(notes[0]!)[0]!;
    expect(visibleText(renderLab(contextFor(create), templates, { instructor: true, assets }).html)).toContain(first);
    expect(visibleText(renderLab(contextFor(create), templates, { instructor: false, assets }).html)).not.toContain(first);
  });

  it('still get tasks for config-like examples', () => {
    const snippets = Array.from({ length: 8 }, (_, i) => `\`\`\`bash\n$ ls file${i}\n\`\`\``).join('\n\n');
    const mixed = analyze(`# Lesson 9.2: Containers

## Working with files

${snippets}

\`\`\`dockerfile
FROM alpine:3.20
RUN apk add --no-cache curl
CMD ["curl", "--version"]
\`\`\`
`);
    expect(isSnippetLesson(mixed)).toBe(true);
    expect(planLab(mixed).tasks.filter((t) => t.kind === 'build').map((t) => t.fileName)).toEqual(['Dockerfile']);
  });
});

describe('instructor additions', () => {
  const lesson = load(LESSONS.headingVariants);
  const instructor = visibleText(render(lesson, true).html);
  const student = visibleText(render(lesson, false).html);

  it('facilitation notes come from the Instructor Notes section', () => {
    expect(instructor).toContain('Allow extra time if the cluster is slow to pull images.');
    expect(student).not.toContain('Allow extra time');
  });

  it('expected results, common mistakes and a schedule', () => {
    expect(instructor).toContain('Expected result kubectl prints deployment.apps/web created (dry run).');
    expect(instructor).toContain('Common mistakes');
    expect(instructor).toContain('Forgetting readiness probes');
    expect(instructor).toMatch(/Schedule # Task Kind Time Window 1 Exercise 1 Exercise 10 min 0:00–0:10/);
    expect(student).not.toContain('Expected result');
    expect(student).not.toContain('Schedule');
  });

  it('a Kubernetes task checked with a client-side dry run', () => {
    const task = planLab(lesson).tasks.find((t) => t.kind === 'build')!;
    // The lesson names no file: a neutral label from the example's own caption, not a guessed `deployment.yaml`.
    expect(task.fileName).toBe('deployment-manifest.yaml');
    expect(task.check?.command).toBe('kubectl apply --dry-run=client -f deployment-manifest.yaml');
  });
});

describe('timing', () => {
  it('shares the lesson exercise minutes among all tasks: the sheet totals what the lesson plans', () => {
    const plan = planLab(load(LESSONS.auth));
    expect(plan.totalMinutes).toBe(20);
    expect(plan.timedByLesson).toBe(true);
    // Weighted by the usual time of each kind: an exercise gets more than a discussion.
    const exercise = plan.tasks.find((t) => t.kind === 'exercise')!;
    const discussion = plan.tasks.find((t) => t.kind === 'discussion')!;
    expect(exercise.minutes).toBeGreaterThan(discussion.minutes);
  });

  it('defaults to 10 minutes per exercise', () => {
    const plan = planLab(load(LESSONS.http));
    expect(plan.tasks.filter((t) => t.kind === 'exercise').map((t) => t.minutes)).toEqual([10, 10]);
  });
});

describe('starters', () => {
  it('JSON keeps the keys and replaces values with "TODO"', () => {
    const starter = starterCode('{\n  "name": "app",\n  "port": 8080,\n  "tags": ["a", "b"],\n  "db": { "host": "localhost" }\n}', 'json');
    expect(JSON.parse(starter)).toEqual({ name: 'TODO', port: 'TODO', tags: ['TODO'], db: { host: 'TODO' } });
  });

  it('SQL uses -- comments and names the columns', () => {
    const starter = starterCode('-- Books\nCREATE TABLE books (\n  id SERIAL PRIMARY KEY,\n  title TEXT NOT NULL\n);\nCREATE INDEX books_title_idx ON books (title);', 'sql');
    expect(starter).toBe('-- Books\nCREATE TABLE books (\n  -- TODO: column id: choose its type and constraints\n  -- TODO: column title: choose its type and constraints\n);\n-- TODO: create the index on books');
  });

  it('JavaScript uses // comments, keeps imports and signatures, and stays balanced', () => {
    const starter = starterCode(
      "import express from 'express';\n\nconst app = express();\n\napp.get('/health', (req, res) => {\n  if (ready) {\n    res.send('ok');\n  }\n});\n\napp.listen(3000);",
      'javascript',
    );
    expect(starter).toBe(
      "import express from 'express';\n\n// TODO: define app\n\napp.get('/health', (req, res) => {\n  // TODO: implement the GET /health handler\n});\n\n// TODO: start the server",
    );
  });

  it('Python keeps imports, decorators and signatures and compiles (ellipsis bodies)', () => {
    const starter = starterCode('import os\n\n@app.get("/")\ndef index():\n    value = os.environ["X"]\n    return value\n', 'python');
    expect(starter).toBe('import os\n\n@app.get("/")\ndef index():\n    # TODO: implement index\n    ...');
  });

  it('YAML keeps the first two levels of keys', () => {
    const starter = starterCode('services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n', 'yaml');
    expect(starter).toBe('services:\n  web:\n    # TODO: choose the image\n    # TODO: publish the ports');
  });
});

describe('discussion questions', () => {
  it('ask "How would you …?" from an imperative challenge', () => {
    expect(discussionQuestion('Standardize development environment', 'Dev')).toBe('How would you standardize development environment?');
  });
  it('keep a descriptive challenge and ask how to address it', () => {
    expect(discussionQuestion('A retailer lost orders during every release.', 'Release')).toBe('A retailer lost orders during every release. How would you address this?');
  });
});

describe('hostile lesson text', () => {
  const lesson = analyze(`# Lesson 9.3: Hostile

## Learning Objectives
- Learn <script>alert(1)</script>

## Configuration Examples

### Evil config
\`\`\`yaml
name: "<script>alert(2)</script>"
image: x
port: 1
\`\`\`

## Real-World Case Studies

### Case Study 1: <img src=x onerror=alert(3)>
- **Challenge**: Fix [this](javascript:alert(4))
- **Solution**:
  - <iframe src="https://evil.example/"></iframe>

## Hands-on Practice

### Exercise 1: <svg onload=alert(5)>
Do it.

#### Solution
<script>alert(6)</script>

## Common Pitfalls
- <iframe src="https://evil.example/"></iframe>
`);

  for (const instructor of [false, true]) {
    it(`${instructor ? 'instructor' : 'student'} version stays inert`, () => {
      const { tags } = tokenize(render(lesson, instructor).html);
      const found: string[] = [];
      for (const tag of tags) {
        if (['script', 'iframe', 'object', 'embed', 'form', 'base', 'link'].includes(tag.name)) found.push(tag.name);
        for (const attr of tag.attrs) {
          if (/^on/.test(attr.name)) found.push(`${tag.name}[${attr.name}]`);
          if (['href', 'src', 'xlink:href', 'action'].includes(attr.name) && /^(?:javascript|vbscript|data):/i.test(attr.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${tag.name}[${attr.name}]`);
        }
      }
      expect(tags.filter((t) => t.name === 'style')).toHaveLength(1);
      expect(found).toEqual([]);
    });
  }
});

