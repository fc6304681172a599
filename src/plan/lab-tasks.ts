/**
 * The exercise list of a lab sheet, planned from the lesson model:
 *  1. the lesson's own exercises (Carpentries challenges included);
 *  2. a "write this file" task for each configuration example, with a starter whose substantive
 *     lines are replaced by `TODO` hints, and a command that checks the result;
 *  3. the rest: case studies as discussion questions, pitfalls as a troubleshooting checklist,
 *     review questions.
 * Solutions, expected results, common mistakes and facilitation notes are planned here too; the
 * renderer shows them to instructors only.
 *
 * Pure: no fs, no clock.
 */
import type { Example, Lesson, Section } from '../model/lesson.js';
import { inferFileName } from '../languages/index.js';
import { listing } from '../languages/starter-kit.js';
import { starterCode } from '../languages/starters.js';
import { collectDivs, splitFencedDivs } from '../render/html.js';
import { exampleExtension, labFileName, labPrerequisites, lessonTools, type PreviousLesson } from '../render/lab-facts.js';

export type TaskKind = 'exercise' | 'build' | 'discussion' | 'troubleshooting' | 'review';

/** A command that tells a learner whether the file is right, and what it prints when it is. */
export interface CheckYourWork {
  command: string;
  expected: string;
}

/** What an instructor sees as the answer. */
export interface TaskSolution {
  /** Markdown (an explicit exercise's solution, a case study's approach). */
  markdown: string | null;
  /** Complete code (a generated task's example). */
  code: string | null;
  language: string | null;
  fileName: string | null;
}

export interface LabTask {
  kind: TaskKind;
  title: string;
  /** One sentence saying what to produce (inline Markdown), or null. */
  goal: string | null;
  /** The exercise text (block Markdown), or null. */
  prompt: string | null;
  /** File to create, for generated tasks. */
  fileName: string | null;
  language: string | null;
  /** Numbered steps (inline Markdown). */
  steps: string[];
  /** Hints (block Markdown). */
  hints: string[];
  /** Code to start from, with `TODO` hints where the answer goes. */
  starter: string | null;
  check: CheckYourWork | null;
  /** Things to tick off (inline Markdown). */
  checkpoints: string[];
  /** Questions to answer in writing (inline Markdown): discussion and review tasks. */
  questions: string[];
  minutes: number;
  /** Instructor only from here on. */
  solution: TaskSolution | null;
  expected: string | null;
  commonMistakes: string[];
  facilitation: string[];
  /** The lesson's own notes for the instructor about this task (block Markdown). */
  notes: string[];
  line: number;
}

export interface LabPlan {
  objectives: string[];
  prerequisites: string[];
  /** Software the checks need ("Docker", "Python 3"). */
  tools: string[];
  tasks: LabTask[];
  totalMinutes: number;
  /** True when the times come from the lesson's `exerciseMinutes`. */
  timedByLesson: boolean;
  /** Instructor notes from the lesson (block Markdown): "Instructor Notes" sections, `instructor` divs. */
  facilitationNotes: string[];
}

/** Default minutes per task kind, used alone or as weights for the lesson's exercise time. */
export const DEFAULT_MINUTES: Record<TaskKind, number> = {
  exercise: 10,
  build: 8,
  discussion: 5,
  troubleshooting: 5,
  review: 5,
};

/** Sections whose content is for instructors only. */
export const INSTRUCTOR_SECTION = /\b(?:instructor|facilitat\w*|teach(?:er|ing) notes?|trainer|for the instructor)\b/i;
export const PREREQUISITE_SECTION = /^(?:prerequisites?|before you (?:start|begin)|requirements|what you need|setup)$/i;

/**
 * Plans a lab sheet for a lesson; `previous` is the lesson before it in its module, when known, and
 * `exerciseMinutes` the lesson's exercise time in the course's timing model (`lessonMinutes`).
 */
export function planLab(lesson: Lesson, previous: PreviousLesson | null = null, exerciseMinutes: number | null = lesson.meta.exerciseMinutes): LabPlan {
  const tasks: LabTask[] = [];
  const pitfalls = lesson.pitfalls.map((p) => p.text);

  for (const exercise of lesson.exercises) {
    const steps = exercise.steps;
    tasks.push({
      ...emptyTask('exercise', exercise.title, exercise.line),
      prompt: exercise.prompt || null,
      steps,
      hints: exercise.hints,
      checkpoints: steps.length > 0 ? [] : ['Answer written down', 'Answer compared with a neighbour'],
      solution: exercise.solution ? { markdown: exercise.solution, code: null, language: null, fileName: null } : null,
      expected: exercise.solution ? null : 'The lesson gives no reference answer: agree on one with your co-instructors before class.',
      commonMistakes: relevantPitfalls(pitfalls, `${exercise.title} ${exercise.prompt} ${steps.join(' ')}`),
      facilitation: exerciseFacilitation(exercise.steps, exercise.hints, exercise.solution),
      // `??`: a model from an analysis cache written before the field existed has none.
      notes: exercise.instructorNotes ?? [],
    });
  }

  const examples = taskExamples(lesson);
  for (const example of examples) {
    const sameKind = examples.filter((other) => exampleExtension(other) === exampleExtension(example)).length;
    tasks.push(buildTask(example, pitfalls, labFileName(example, lesson, sameKind)));
  }

  for (const study of lesson.caseStudies) {
    tasks.push({
      ...emptyTask('discussion', study.title, study.line),
      goal: study.challenge ? null : `Discuss the case “${study.title}”.`,
      questions: [
        discussionQuestion(study.challenge, study.title),
        'What would you do first, and what would you leave for later? Why?',
        'How would you know that it worked? Name one thing you would measure.',
      ],
      solution:
        study.solution.length + study.results.length > 0
          ? {
              markdown: [
                study.solution.length > 0 ? `**What the team did:**\n\n${study.solution.map((s) => `- ${s}`).join('\n')}` : '',
                study.results.length > 0 ? `**Results:**\n\n${study.results.map((s) => `- ${s}`).join('\n')}` : '',
              ]
                .filter(Boolean)
                .join('\n\n'),
              code: null,
              language: null,
              fileName: null,
            }
          : null,
      expected: 'Groups name concrete steps and at least one measurable outcome.',
      facilitation: ['Let small groups discuss for a few minutes, then collect one answer per group before showing what the team did.'],
    });
  }

  if (pitfalls.length > 0) {
    tasks.push({
      ...emptyTask('troubleshooting', 'Troubleshooting checklist', lesson.pitfalls[0]?.line ?? 0),
      goal: 'Go through your work and tick each problem once you have ruled it out.',
      checkpoints: pitfalls,
      commonMistakes: pitfalls,
      facilitation: ['Ask learners which item they had to fix: it shows which part of the lesson to revisit.'],
    });
  }

  if (lesson.reviewQuestions.length > 0) {
    tasks.push({
      ...emptyTask('review', 'Review questions', lesson.reviewQuestions[0]?.line ?? 0),
      goal: 'Answer in a sentence or two each.',
      questions: lesson.reviewQuestions.map((q) => q.text),
      facilitation: ['Use these as an exit ticket, or pair learners to answer them aloud.'],
    });
  }

  const timedByLesson = assignMinutes(tasks, exerciseMinutes);
  return {
    objectives: lesson.objectives.map((o) => o.text),
    prerequisites: labPrerequisites(lesson, prerequisiteSection(lesson), previous),
    tools: lessonTools(lesson, commandTool),
    tasks,
    totalMinutes: tasks.reduce((sum, task) => sum + task.minutes, 0),
    timedByLesson,
    facilitationNotes: facilitationNotes(lesson.sections),
  };
}

function emptyTask(kind: TaskKind, title: string, line: number): LabTask {
  return {
    kind,
    title,
    goal: null,
    prompt: null,
    fileName: null,
    language: null,
    steps: [],
    hints: [],
    starter: null,
    check: null,
    checkpoints: [],
    questions: [],
    minutes: DEFAULT_MINUTES[kind],
    solution: null,
    expected: null,
    commonMistakes: [],
    facilitation: [],
    notes: [],
    line,
  };
}

// ---------------------------------------------------------------------------------------------
// Which examples become tasks
// ---------------------------------------------------------------------------------------------

/** Terminal sessions and prose: typed or read, never written as a file. */
const NOT_FILES = new Set(['bash', 'console', 'text', 'output', 'error', 'warning', 'log', 'diff', 'patch', 'markdown', 'mermaid', 'source', 'http', 'powershell']);
/** File kinds worth a task even in a lesson full of small snippets. */
const CONFIG_LIKE = new Set(['dockerfile', 'yaml', 'json', 'hcl', 'sql', 'ini', 'toml', 'nginx']);
const PROGRAMS = new Set(['python', 'javascript', 'typescript']);

const lineCount = (code: string) => code.split('\n').filter((line) => line.trim() !== '').length;

/**
 * True for lessons made of many small shell snippets (Carpentries episodes): their examples are
 * demonstrations, not files to write.
 */
export function isSnippetLesson(lesson: Lesson): boolean {
  const examples = lesson.examples;
  if (examples.length < 6) return false;
  const sizes = examples.map((e) => lineCount(e.code)).sort((a, b) => a - b);
  const median = sizes[Math.floor(sizes.length / 2)] ?? 0;
  const shell = examples.filter((e) => e.language === 'bash' || e.language === 'console').length;
  return median <= 5 || shell / examples.length >= 0.6;
}

/** The examples that become "write this file" tasks. */
export function taskExamples(lesson: Lesson): Example[] {
  const snippets = isSnippetLesson(lesson);
  const solutions = lesson.exercises.map((e) => e.solution ?? '').join('\n');
  return lesson.examples.filter((example) => {
    const language = example.language;
    if (language === null || NOT_FILES.has(language)) return false;
    if (lineCount(example.code) < 3) return false;
    // An example quoted in a solution would hand the answer to students.
    if (solutions.includes(example.code.trim())) return false;
    if (inferFileName(example.code, language, example.title) === null) return false;
    if (!snippets) return true;
    return CONFIG_LIKE.has(language) || (PROGRAMS.has(language) && lineCount(example.code) > 5);
  });
}

// ---------------------------------------------------------------------------------------------
// Generated tasks
// ---------------------------------------------------------------------------------------------

function buildTask(example: Example, pitfalls: string[], fileName: string): LabTask {
  const language = example.language ?? 'text';
  const kind = fileKind(fileName, language, example.code);
  const check = checkFor(kind, fileName, example.code);
  const steps = [
    `Create a new folder for this task and, in it, a file named \`${fileName}\`.`,
    `Copy the starter below into \`${fileName}\` and replace every \`TODO\` line with what it describes; keep the comments.`,
    ...KIND_STEPS[kind],
    check ? `Check your work: run \`${check.command}\` and fix anything it reports.` : 'Read your file top to bottom once more and compare it with the goal.',
  ];
  const checkpoints = [`\`${fileName}\` created`, 'No `TODO` left in the file', ...(check ? [`\`${check.command}\` succeeds`] : [])];
  return {
    ...emptyTask('build', example.title, example.line),
    goal: goalFor(kind, fileName, example),
    fileName,
    language,
    steps,
    starter: starterCode(example.code, language),
    check,
    checkpoints,
    solution: { markdown: null, code: example.code, language, fileName },
    expected: check?.expected ?? null,
    commonMistakes: [...KIND_MISTAKES[kind], ...relevantPitfalls(pitfalls, `${example.title} ${example.code}`)],
    facilitation: KIND_WATCH[kind],
  };
}


type FileKind =
  | 'dockerfile' | 'compose' | 'kubernetes' | 'openapi' | 'workflow' | 'playbook' | 'yaml' | 'json' | 'sql' | 'hcl'
  | 'python' | 'javascript' | 'typescript' | 'nginx' | 'toml' | 'ini' | 'other';

function fileKind(fileName: string, language: string, code: string): FileKind {
  if (language === 'dockerfile') return 'dockerfile';
  if (language === 'yaml') {
    // The kind comes from the content (the guessed name says it); the name on the sheet may be the author's.
    const guess = inferFileName(code, language) ?? '';
    if (/docker-compose|compose\.ya?ml/.test(fileName) || guess === 'docker-compose.yml') return 'compose';
    if (/^apiVersion\s*:/m.test(code) && /^kind\s*:/m.test(code)) return 'kubernetes';
    if (fileName === 'openapi.yaml' || /^openapi\s*:/m.test(code)) return 'openapi';
    if (fileName === 'workflow.yml' || guess === 'workflow.yml') return 'workflow';
    if (fileName === 'playbook.yml' || guess === 'playbook.yml') return 'playbook';
    return 'yaml';
  }
  const direct: Record<string, FileKind> = {
    json: 'json', sql: 'sql', hcl: 'hcl', python: 'python', javascript: 'javascript', typescript: 'typescript',
    nginx: 'nginx', toml: 'toml', ini: 'ini',
  };
  return direct[language] ?? 'other';
}

const KIND_LABELS: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'Compose file',
  kubernetes: 'Kubernetes manifest',
  openapi: 'OpenAPI description',
  workflow: 'workflow file',
  playbook: 'Ansible playbook',
  yaml: 'YAML file',
  json: 'JSON file',
  sql: 'SQL script',
  hcl: 'Terraform configuration',
  python: 'Python module',
  javascript: 'JavaScript module',
  typescript: 'TypeScript module',
  nginx: 'nginx configuration',
  toml: 'TOML file',
  ini: 'configuration file',
  other: 'file',
};

const KIND_STEPS: Record<FileKind, string[]> = {
  dockerfile: ['Order the instructions so that dependencies are installed before the application code is copied: Docker then reuses the install layer.'],
  compose: ['Give every service what it needs to start: an image or a build context, ports, environment and the services it depends on.'],
  kubernetes: ['Make sure the selector matches the labels of the pod template.'],
  openapi: ['Describe every path with its parameters and responses, and reference shared schemas under `components`.'],
  workflow: ['Name each job and step so the run log reads like a checklist.'],
  playbook: ['Keep each task idempotent: running the playbook twice must change nothing the second time.'],
  yaml: ['Indent with spaces only; YAML treats indentation as structure.'],
  json: ['Replace each `"TODO"` value with a value of the right type (string, number, boolean, list or object).'],
  sql: ['Choose a type and the constraints for each column.'],
  hcl: ['Fill in each block\'s arguments; keep one resource per block.'],
  python: ['Implement each function marked `TODO`; keep the signatures as they are.'],
  javascript: ['Implement each part marked `TODO`; keep the function signatures as they are.'],
  typescript: ['Implement each part marked `TODO`; keep the types as they are.'],
  nginx: ['Put each directive in the block it belongs to (`server`, `location`, …).'],
  toml: ['Keep each setting under its `[section]`.'],
  ini: ['Keep each setting under its `[section]`.'],
  other: [],
};

const KIND_MISTAKES: Record<FileKind, string[]> = {
  dockerfile: ['Copying the whole project before installing dependencies, which rebuilds every layer on each change', 'Forgetting `--no-cache-dir` or cleanup, which bloats the image'],
  compose: ['Indenting with tabs or mixing indentation levels', 'Using `localhost` instead of the service name to reach another container'],
  kubernetes: ['A selector that does not match the pod template labels', 'Wrong `apiVersion` for the kind'],
  openapi: ['Paths without response descriptions', 'Inline schemas repeated instead of `$ref`'],
  workflow: ['Wrong indentation under `steps`'],
  playbook: ['Shell commands where a module would be idempotent'],
  yaml: ['Tabs in indentation', 'Unquoted values that YAML reads as numbers or booleans (`yes`, `3.10`)'],
  json: ['Trailing commas and comments, which JSON does not allow'],
  sql: ['Missing `NOT NULL` or `UNIQUE` constraints', 'Re-running the script on a database where the tables already exist'],
  hcl: ['Forgetting `terraform init` before `terraform validate`'],
  python: ['Indentation errors after replacing a `TODO`'],
  javascript: ['Unbalanced braces after filling in a handler'],
  typescript: ['Type errors hidden with `any`'],
  nginx: ['Directives in the wrong context (e.g. `proxy_cache_path` inside `server`)', 'Missing semicolons'],
  toml: ['Keys outside their section'],
  ini: ['Keys outside their section'],
  other: [],
};

const KIND_WATCH: Record<FileKind, string[]> = {
  dockerfile: ['Watch for learners who copy the application code before installing dependencies; ask them to change one source file and rebuild to see the cache miss.'],
  compose: ['YAML indentation is the usual failure: `docker compose config` names the line. Point out that service names are host names on the Compose network.'],
  kubernetes: ['kubectl reads its context even for a client-side dry run: check that learners have a working kubeconfig before class.'],
  openapi: ['Have learners open the description in a viewer (Redocly, Swagger UI) to see the result of what they wrote.'],
  workflow: ['Check the indentation under `jobs` and `steps` first when a learner is stuck.'],
  playbook: ['Ask learners to run the playbook twice and compare the "changed" counts.'],
  yaml: ['Check indentation first when a learner is stuck.'],
  json: ['A JSON validator points at the exact character; let learners find the error themselves.'],
  sql: ['Give each learner a scratch database, so re-running the script after a fix starts clean.'],
  hcl: ['`terraform init` downloads providers: run it before class, or use `-backend=false` on a machine that has them cached.'],
  python: ['A file that compiles may still fail at run time: ask learners to run it once.'],
  javascript: ['`node --check` only checks syntax: ask learners to run the module once.'],
  typescript: ['Type errors are expected on the first try; read the first one together.'],
  nginx: ['`nginx -t` needs the directives in the right context; most errors name the line.'],
  toml: ['Check quoting of strings first when a learner is stuck.'],
  ini: ['Check section headers first when a learner is stuck.'],
  other: ['Compare a learner\'s file with the solution line by line.'],
};

/** The verify command for a file kind, with what it prints when the file is right. */
function checkFor(kind: FileKind, fileName: string, code: string): CheckYourWork | null {
  switch (kind) {
    case 'dockerfile':
      return { command: 'docker build -t lab .', expected: 'The build ends without errors and `docker image ls lab` lists the new image.' };
    case 'compose':
      return { command: 'docker compose config', expected: 'Compose prints the resolved configuration, with every service, and no error.' };
    case 'kubernetes': {
      const created = kubernetesObjects(code).map((o) => `\`${o} created (dry run)\``);
      return {
        command: `kubectl apply --dry-run=client -f ${fileName}`,
        expected: created.length > 0 ? `kubectl prints ${created.join(', ')}.` : 'kubectl reports each object as created (dry run).',
      };
    }
    case 'openapi':
      return { command: `npx @redocly/cli lint ${fileName}`, expected: 'The linter reports that the description is valid (warnings are fine for now).' };
    case 'workflow':
      return { command: `actionlint ${fileName}`, expected: 'No output: the workflow is valid.' };
    case 'playbook':
      return { command: `ansible-playbook --syntax-check ${fileName}`, expected: `Ansible prints \`playbook: ${fileName}\` and no error.` };
    case 'yaml':
      return { command: `yamllint ${fileName}`, expected: 'No errors (line-length warnings are fine).' };
    case 'json':
      return { command: `python3 -m json.tool ${fileName}`, expected: 'The JSON is printed back, formatted, with no error.' };
    case 'sql':
      return {
        command: `psql -v ON_ERROR_STOP=1 -f ${fileName}`,
        expected: `psql prints one line per statement (${sqlStatements(code).join(', ') || 'CREATE …'}) and no ERROR.`,
      };
    case 'hcl':
      return { command: 'terraform init -backend=false && terraform validate', expected: 'Terraform prints “Success! The configuration is valid.”' };
    case 'python':
      return { command: `python3 -m py_compile ${fileName}`, expected: 'No output: the module compiles.' };
    case 'javascript':
      return { command: `node --check ${fileName}`, expected: 'No output: the syntax is valid.' };
    case 'typescript':
      return { command: `npx tsc --noEmit ${fileName}`, expected: 'No output: the module type-checks.' };
    case 'nginx':
      return /^\s*(?:events|http)\s*\{/m.test(code)
        ? { command: `nginx -t -c "$PWD/${fileName}"`, expected: 'nginx reports “syntax is ok” and “test is successful”.' }
        : {
            command: `docker run --rm -v "$PWD/${fileName}:/etc/nginx/conf.d/default.conf:ro" nginx:stable nginx -t`,
            expected: 'nginx reports “syntax is ok” and “test is successful”.',
          };
    case 'toml':
      return { command: `python3 -c "import tomllib; tomllib.load(open('${fileName}', 'rb'))"`, expected: 'No output: the file parses.' };
    default:
      return null;
  }
}

const API_GROUPS: Record<string, string> = {
  deployment: 'deployment.apps', statefulset: 'statefulset.apps', daemonset: 'daemonset.apps', replicaset: 'replicaset.apps',
  job: 'job.batch', cronjob: 'cronjob.batch', ingress: 'ingress.networking.k8s.io', networkpolicy: 'networkpolicy.networking.k8s.io',
  horizontalpodautoscaler: 'horizontalpodautoscaler.autoscaling',
};

function kubernetesObjects(code: string): string[] {
  const objects: string[] = [];
  for (const doc of code.split(/^---\s*$/m)) {
    const kind = /^kind\s*:\s*["']?(\w+)/m.exec(doc)?.[1];
    const name = /^metadata\s*:\s*\n(?:\s+.*\n)*?\s+name\s*:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
    if (kind && name) objects.push(`${API_GROUPS[kind.toLowerCase()] ?? kind.toLowerCase()}/${name}`);
  }
  return objects;
}

function sqlStatements(code: string): string[] {
  const seen: string[] = [];
  for (const match of code.matchAll(/^\s*(create(?:\s+unique)?\s+(?:table|index|view|extension|schema|type|function)|alter\s+table|insert|update|delete|grant)\b/gim)) {
    const word = match[1]!.toUpperCase().replace(/\s+/g, ' ').replace(/^CREATE UNIQUE INDEX$/, 'CREATE INDEX').replace(/^INSERT$/, 'INSERT 0 1');
    if (!seen.includes(word)) seen.push(word);
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------

const code = (text: string) => `\`${text.replace(/`/g, '')}\``;

/** "Write the Dockerfile that …": a specification from the example's title and content, not its code. */
function goalFor(kind: FileKind, fileName: string, example: Example): string {
  const title = example.title;
  const summary = summarise(kind, example.code);
  const label = KIND_LABELS[kind];
  const the = kind === 'dockerfile' ? 'the Dockerfile' : `the ${label} ${code(fileName)}`;
  return summary ? `Write ${the} that ${summary} (see “${title}”).` : `Write ${the} shown in “${title}”.`;
}

function summarise(kind: FileKind, source: string): string | null {
  switch (kind) {
    case 'dockerfile': {
      const parts: string[] = [];
      const base = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/im.exec(source)?.[1];
      if (base) parts.push(`builds on ${code(base)}`);
      const ports = [...source.matchAll(/^\s*EXPOSE\s+(.+)$/gim)].flatMap((m) => m[1]!.trim().split(/\s+/));
      if (ports.length > 0) parts.push(`exposes port${ports.length > 1 ? 's' : ''} ${listing(ports)}`);
      const cmd = /^\s*(?:CMD|ENTRYPOINT)\s+(.+)$/im.exec(source)?.[1];
      if (cmd) parts.push(`starts with ${code(execForm(cmd))}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'compose': {
      const services = topLevelChildren(source, 'services');
      const parts = services.length > 0 ? [`runs the service${services.length > 1 ? 's' : ''} ${listing(services.map(code))}`] : [];
      const volumes = topLevelChildren(source, 'volumes');
      if (volumes.length > 0) parts.push(`keeps data in the named volume${volumes.length > 1 ? 's' : ''} ${listing(volumes.map(code))}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'kubernetes': {
      const kinds = [...source.matchAll(/^kind\s*:\s*["']?(\w+)/gm)].map((m) => m[1]!);
      const replicas = /^\s+replicas\s*:\s*(\d+)/m.exec(source)?.[1];
      if (kinds.length === 0) return null;
      return `declares ${listing(kinds.map((k) => `a ${k}`))}${replicas ? ` with ${replicas} replicas` : ''}`;
    }
    case 'openapi': {
      const paths = [...source.matchAll(/^ {2}(\/[^\s:]*)\s*:/gm)].map((m) => code(m[1]!));
      return paths.length > 0 ? `describes ${listing(paths.slice(0, 4))}${paths.length > 4 ? ' and more' : ''}` : null;
    }
    case 'sql': {
      const tables = [...source.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."]+)/gi)].map((m) => code(m[1]!.replace(/"/g, '')));
      const indexes = [...source.matchAll(/create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?([\w"]+)/gi)].map((m) => code(m[1]!.replace(/"/g, '')));
      const parts: string[] = [];
      if (tables.length > 0) parts.push(`creates the table${tables.length > 1 ? 's' : ''} ${listing(tables)}`);
      if (indexes.length > 0) parts.push(`the index${indexes.length > 1 ? 'es' : ''} ${listing(indexes)}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'hcl': {
      const resources = [...source.matchAll(/^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/gm)].map((m) => code(`${m[1]}.${m[2]}`));
      return resources.length > 0 ? `declares ${listing(resources)}` : null;
    }
    case 'python': {
      const names = [...source.matchAll(/^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/gm)].map((m) => code(m[1] ?? m[2]!));
      return names.length > 0 ? `defines ${listing(names.slice(0, 5))}` : null;
    }
    case 'javascript':
    case 'typescript': {
      const names = [...source.matchAll(/^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?class\s+(\w+)/gm)].map((m) => code(m[1] ?? m[2]!));
      const routes = [...source.matchAll(/^\w+\.(get|post|put|patch|delete)\(\s*['"`]([^'"`]+)/gm)].map((m) => code(`${m[1]!.toUpperCase()} ${m[2]}`));
      const parts: string[] = [];
      if (names.length > 0) parts.push(`defines ${listing(names.slice(0, 5))}`);
      if (routes.length > 0) parts.push(`handles ${listing(routes.slice(0, 5))}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'nginx': {
      const listen = /^\s*listen\s+([^;]+);/m.exec(source)?.[1];
      const locations = [...source.matchAll(/^\s*location\s+([^{]+?)\s*\{/gm)].map((m) => code(m[1]!));
      const parts: string[] = [];
      if (listen) parts.push(`listens on ${code(listen.trim())}`);
      if (locations.length > 0) parts.push(`routes ${listing(locations)}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    default:
      return null;
  }
}

function execForm(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return trimmed;
  try {
    const parts: unknown = JSON.parse(trimmed);
    if (Array.isArray(parts)) return parts.map(String).join(' ');
  } catch {
    // shell form with brackets: print as written
  }
  return trimmed;
}

function topLevelChildren(source: string, key: string): string[] {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:\\s*$`).test(line));
  if (start < 0) return [];
  const names: string[] = [];
  let indent: number | null = null;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const current = line.length - line.trimStart().length;
    if (current === 0) break;
    indent ??= current;
    const match = /^\s*([\w.-]+)\s*:/.exec(line);
    if (current === indent && match) names.push(match[1]!);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Starters
// ---------------------------------------------------------------------------------------------

export { commentPrefix } from '../languages/starter-kit.js';
export { starterCode } from '../languages/starters.js';

// Discussion, pitfalls, prerequisites, times
// ---------------------------------------------------------------------------------------------

const SENTENCE_START = /^(?:a|an|the|our|their|its|his|her|this|that|these|those|we|they|it|there|customers?|users?|teams?|clients?|many|some|every|each|one|two|three|after|before|when|during|while|as)\b/i;

/** "How would you …?" from a case study's challenge. */
export function discussionQuestion(challenge: string, title: string): string {
  const text = challenge.trim().replace(/\s+/g, ' ');
  if (!text) return `How would you approach “${title}”?`;
  const bare = text.replace(/[.!]+$/, '');
  if (!SENTENCE_START.test(bare) && !/[.!?]\s/.test(bare) && !bare.endsWith('?')) {
    return `How would you ${bare.charAt(0).toLowerCase()}${bare.slice(1)}?`;
  }
  return `${/[.!?]$/.test(text) ? text : `${text}.`} How would you address this?`;
}

const STOP_WORDS = new Set([
  'about', 'after', 'again', 'being', 'before', 'between', 'could', 'does', 'doing', 'from', 'have', 'into', 'missing',
  'more', 'most', 'other', 'poor', 'should', 'some', 'such', 'than', 'that', 'their', 'them', 'then', 'there', 'these',
  'they', 'this', 'those', 'through', 'under', 'using', 'very', 'what', 'when', 'where', 'which', 'while', 'with',
  'without', 'would', 'your', 'large', 'small', 'forgetting', 'inefficient', 'lack', 'common',
]);

/** Pitfalls that share a significant word with the task. */
function relevantPitfalls(pitfalls: string[], text: string): string[] {
  const haystack = text.toLowerCase();
  return pitfalls.filter((pitfall) =>
    pitfall
      .toLowerCase()
      .replace(/`[^`]*`/g, ' ')
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 5 && !STOP_WORDS.has(word))
      .some((word) => new RegExp(`\\b${word.replace(/s$/, '')}`).test(haystack)),
  );
}

function exerciseFacilitation(steps: string[], hints: string[], solution: string | null): string[] {
  const notes: string[] = [];
  if (steps.length >= 3) notes.push(`Check progress after step ${Math.ceil(steps.length / 2)}: most difficulties show up by then.`);
  if (hints.length > 0) notes.push('Hold the hints back until learners have tried on their own for a few minutes.');
  if (solution !== null) notes.push('Ask one or two learners to share their answer before you show the solution.');
  else notes.push('There is no reference solution in the lesson: collect a few answers and discuss their trade-offs.');
  return notes;
}

/** The items of the lesson's own "Prerequisites" section, or none. */
function prerequisiteSection(lesson: Lesson): string[] {
  const section = lesson.sections.find((s) => PREREQUISITE_SECTION.test(s.title.replace(/^[^\p{L}]+/u, '').trim()));
  if (section) {
    const items = [...section.markdown.matchAll(/^\s*(?:[-*+]|\d+[.)])\s+(.+)$/gm)].map((m) => m[1]!.trim());
    if (items.length > 0) return items;
    const text = section.markdown.trim();
    if (text) return [text.split('\n')[0]!];
  }
  return [];
}

/** Commands at the start of a shell line (or in inline code), and the tool each needs. */
export const COMMAND_TOOLS: Array<[RegExp, string]> = [
  [/^docker[ -]compose\b/, 'Docker with Compose v2'],
  [/^docker\b/, 'Docker'],
  [/^kubectl\b/, 'kubectl'],
  [/^helm\b/, 'Helm'],
  [/^minikube\b/, 'minikube'],
  [/^kind\s/, 'kind'],
  [/^python3?\b|^pip3?\b|^uvicorn\b|^flask\b/, 'Python 3'],
  [/^(?:node|npm|npx|yarn|pnpm)\b/, 'Node.js'],
  [/^curl\b/, 'curl'],
  [/^http\s|^httpie\b/, 'HTTPie'],
  [/^jq\b/, 'jq'],
  [/^openssl\b/, 'OpenSSL'],
  [/^git\b/, 'Git'],
  [/^terraform\b/, 'Terraform'],
  [/^ansible/, 'Ansible'],
  [/^psql\b/, 'PostgreSQL client (psql) and a scratch database'],
  [/^sqlite3\b/, 'SQLite'],
  [/^aws\b/, 'AWS CLI'],
  [/^gcloud\b/, 'Google Cloud CLI'],
  [/^az\b/, 'Azure CLI'],
  [/^ssh\b/, 'SSH client'],
  [/^make\b/, 'make'],
  [/^go\s/, 'Go'],
  [/^cargo\b/, 'Rust (cargo)'],
  [/^nginx\b/, 'nginx'],
];

/** The tool a command line needs, if it is one we know. */
export function commandTool(command: string): string | undefined {
  return COMMAND_TOOLS.find(([pattern]) => pattern.test(command))?.[1];
}


/** Instructor notes: sections titled for instructors, and `instructor` divs anywhere in the sections. */
function facilitationNotes(sections: Section[]): string[] {
  const notes: string[] = [];
  for (const section of sections) {
    if (INSTRUCTOR_SECTION.test(section.title)) {
      if (section.markdown.trim()) notes.push(section.markdown.trim());
      continue;
    }
    for (const div of collectDivs(splitFencedDivs(section.markdown), new Set(['instructor', 'facilitator']))) {
      if (div.markdown) notes.push(div.markdown);
    }
  }
  return notes;
}

/**
 * Sets each task's minutes. The lesson's exercise time (when known) is shared out over every task by
 * the default weights (largest remainder, at least one minute each), so the sheet's total is the time
 * the agenda and the index give the exercises. Returns whether that time was used.
 */
function assignMinutes(tasks: LabTask[], exerciseMinutes: number | null): boolean {
  for (const task of tasks) task.minutes = DEFAULT_MINUTES[task.kind];
  if (exerciseMinutes === null || !Number.isFinite(exerciseMinutes) || exerciseMinutes <= 0) return false;
  const budgeted = tasks;
  if (budgeted.length === 0) return false;
  const weights = budgeted.map((task) => DEFAULT_MINUTES[task.kind]);
  const total = weights.reduce((a, b) => a + b, 0);
  const budget = Math.max(Math.round(exerciseMinutes), budgeted.length);
  const exact = weights.map((w) => (w / total) * budget);
  const minutes = exact.map((m) => Math.max(1, Math.floor(m)));
  let left = budget - minutes.reduce((a, b) => a + b, 0);
  const order = exact.map((m, i) => ({ i, r: m - Math.floor(m) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const index = order[k]!.i;
    minutes[index] = (minutes[index] ?? 0) + 1;
  }
  budgeted.forEach((task, i) => (task.minutes = minutes[i]!));
  return true;
}
