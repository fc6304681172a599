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
const listing = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

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

/** Line comment syntax for a language. */
export function commentPrefix(language: string | null): string {
  switch (language) {
    case 'javascript': case 'typescript': case 'json': case 'go': case 'java': case 'c': case 'cpp': case 'rust': case 'css': case 'swift': case 'kotlin':
      return '//';
    case 'sql':
      return '--';
    default:
      return '#';
  }
}

/**
 * A student's starting point: structure and comments kept, substantive lines replaced by
 * `TODO` hints in the language's comment syntax (JSON keeps its keys, values become "TODO").
 */
export function starterCode(source: string, language: string | null): string {
  const text = source.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  let lines: string[];
  switch (language) {
    case 'dockerfile': lines = dockerfileStarter(text); break;
    case 'yaml': lines = yamlStarter(text); break;
    case 'json': return jsonStarter(text);
    case 'sql': lines = sqlStarter(text); break;
    case 'python': lines = programStarter(text, 'python'); break;
    case 'javascript': case 'typescript': lines = programStarter(text, 'javascript'); break;
    case 'hcl': case 'nginx': lines = braceStarter(text, language); break;
    case 'toml': case 'ini': lines = iniStarter(text); break;
    default: lines = genericStarter(text, commentPrefix(language));
  }
  return collapseTodos(lines).join('\n');
}

const todo = (indent: string, prefix: string, hint: string) => `${indent}${prefix} TODO: ${hint}`;
const indentOf = (line: string) => /^\s*/.exec(line)?.[0] ?? '';

/** Consecutive identical TODO lines become one. */
function collapseTodos(lines: string[]): string[] {
  return lines.filter((line, i) => !(i > 0 && /TODO:/.test(line) && line === lines[i - 1]));
}

const DOCKER_HINTS: Record<string, string> = {
  FROM: 'choose a base image',
  WORKDIR: 'set the working directory',
  COPY: 'copy the files this step needs into the image',
  ADD: 'add the files this step needs to the image',
  RUN: 'run the command this step needs',
  ENV: 'set the environment variable(s)',
  ARG: 'declare the build argument',
  EXPOSE: "expose the application's port",
  CMD: 'set the command that starts the application',
  ENTRYPOINT: 'set the entrypoint',
  USER: 'switch to a non-root user',
  LABEL: 'add the image labels',
  VOLUME: 'declare the volume',
  HEALTHCHECK: 'add a health check',
  SHELL: 'set the shell',
  STOPSIGNAL: 'set the stop signal',
  ONBUILD: 'add the ONBUILD trigger',
};

function dockerfileStarter(text: string): string[] {
  const out: string[] = [];
  let continuing = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (continuing) {
      continuing = trimmed.endsWith('\\');
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) {
      out.push(line);
      continue;
    }
    continuing = trimmed.endsWith('\\');
    const instruction = /^(\w+)/.exec(trimmed)?.[1]?.toUpperCase() ?? '';
    let hint = DOCKER_HINTS[instruction] ?? `add the ${instruction} instruction`;
    if (instruction === 'RUN' && /\b(?:pip|npm|yarn|apt-get|apk|go mod|bundle|poetry|uv)\b/.test(trimmed)) hint = 'install the dependencies';
    const stage = /^FROM\s+.*\s+AS\s+(\w+)/i.exec(trimmed)?.[1];
    if (stage) hint += ` for the “${stage}” stage`;
    out.push(todo(indentOf(line), '#', hint));
  }
  return out;
}

const YAML_HINTS: Record<string, string> = {
  version: 'set the version',
  title: 'set the title',
  description: 'write the description',
  get: 'describe the GET operation',
  post: 'describe the POST operation',
  put: 'describe the PUT operation',
  patch: 'describe the PATCH operation',
  delete: 'describe the DELETE operation',
  parameters: 'describe the parameters',
  responses: 'describe the responses',
  requestBody: 'describe the request body',
  image: 'choose the image',
  build: 'set the build context',
  ports: 'publish the ports',
  environment: 'set the environment variables',
  env: 'set the environment variables',
  depends_on: 'list the services this one depends on',
  volumes: 'mount or declare the volumes',
  networks: 'attach or declare the networks',
  command: 'set the command',
  restart: 'set the restart policy',
  healthcheck: 'add a health check',
  driver: 'choose the driver',
  apiVersion: 'set the API version',
  kind: 'set the object kind',
  name: 'set the name',
  namespace: 'set the namespace',
  replicas: 'set the number of replicas',
  labels: 'set the labels',
  matchLabels: 'set the labels to match',
  selector: 'set the selector',
  containers: 'describe the containers',
  resources: 'set resource requests and limits',
  livenessProbe: 'add the liveness probe',
  readinessProbe: 'add the readiness probe',
  strategy: 'set the update strategy',
  spec: 'write the spec',
  metadata: 'set the metadata',
  template: 'describe the pod template',
  steps: 'list the steps',
  'runs-on': 'choose the runner',
  on: 'choose the triggers',
  tasks: 'list the tasks',
  hosts: 'choose the hosts',
  openapi: 'set the OpenAPI version',
  info: 'describe the API (title, version)',
  paths: 'describe the paths',
  components: 'declare the shared schemas',
  servers: 'list the servers',
};

const yamlHint = (key: string) => YAML_HINTS[key] ?? `set ${key}`;
/** Top-level Compose keys whose children are declarations: `volumes: {postgres_data: …}`. */
const DECLARED: Record<string, string> = { volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config', schemas: 'schema', securitySchemes: 'security scheme' };

interface YamlLine {
  indent: number;
  text: string;
  /** key of `key:` or `key: value` lines. */
  key: string | null;
  /** True for `key:` with nothing after it (a mapping or list follows). */
  container: boolean;
  item: boolean;
  keep: boolean;
}

function yamlStarter(text: string): string[] {
  const lines: YamlLine[] = text.split('\n').map((raw) => {
    const trimmed = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    const keep = trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...';
    const match = /^(["']?)([^"':#\s][^:#]*?)\1\s*:(?:\s+(.*))?$/.exec(trimmed);
    const value = match?.[3]?.replace(/\s+#.*$/, '').trim() ?? '';
    return {
      indent,
      text: raw,
      key: !keep && match && !trimmed.startsWith('- ') ? match[2]! : null,
      container: Boolean(match) && !trimmed.startsWith('- ') && value === '',
      item: trimmed.startsWith('- ') || trimmed === '-',
      keep,
    };
  });
  const out: string[] = [];
  // Depth of structure kept: the first two levels of mapping keys.
  const walk = (start: number, end: number, depth: number, parent = '') => {
    let i = start;
    while (i < end) {
      const line = lines[i]!;
      if (line.keep) {
        out.push(line.text);
        i++;
        continue;
      }
      // The block owned by this line: following lines indented deeper (comments/blank lines included).
      let j = i + 1;
      while (j < end && (lines[j]!.keep ? nextContentIndent(lines, j, end) > line.indent : lines[j]!.indent > line.indent)) j++;
      const pad = ' '.repeat(line.indent);
      if (line.key !== null && line.container && depth < 2 && hasMappingChild(lines, i + 1, j, line.indent)) {
        out.push(line.text);
        walk(i + 1, j, depth + 1, line.key);
      } else if (line.item) {
        out.push(todo(pad, '#', depth === 0 ? 'add the list items' : 'add the items'));
        // Every sibling item shares one hint.
        while (j < end && !lines[j]!.keep && lines[j]!.item && lines[j]!.indent === line.indent) {
          let k = j + 1;
          while (k < end && (lines[k]!.keep ? nextContentIndent(lines, k, end) > line.indent : lines[k]!.indent > line.indent)) k++;
          j = k;
        }
      } else if (line.key !== null) {
        out.push(todo(pad, '#', Object.hasOwn(DECLARED, parent) ? `declare the ${DECLARED[parent]} ${line.key}` : yamlHint(line.key)));
      } else {
        out.push(todo(pad, '#', 'complete this part'));
      }
      i = j;
    }
  };
  walk(0, lines.length, 0);
  // Trailing blank lines that belonged to skipped blocks.
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

function nextContentIndent(lines: YamlLine[], from: number, end: number): number {
  for (let k = from; k < end; k++) if (!lines[k]!.keep) return lines[k]!.indent;
  return -1;
}

function hasMappingChild(lines: YamlLine[], start: number, end: number, indent: number): boolean {
  for (let k = start; k < end; k++) {
    const line = lines[k]!;
    if (line.keep) continue;
    return line.indent > indent && line.key !== null;
  }
  return false;
}

function jsonStarter(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON with comments or placeholders: keep the keys line by line.
    return text
      .split('\n')
      .map((line) => line.replace(/^(\s*"[^"]*"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)(\s*,?\s*)$/, '$1"TODO"$2'))
      .join('\n');
  }
  const skeleton = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const first: unknown = node[0];
      return node.length === 0 ? [] : [first !== null && typeof first === 'object' ? skeleton(first) : 'TODO'];
    }
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, skeleton(v)]));
    }
    return 'TODO';
  };
  return JSON.stringify(skeleton(value), null, 2);
}

function sqlStarter(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  let inTable = false;
  let statement = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('--')) {
      out.push(line);
      continue;
    }
    if (inTable) {
      if (/^\)\s*;?\s*$/.test(trimmed) || /^\)\s*[^,]*;\s*$/.test(trimmed)) {
        out.push(`${indentOf(line)});`);
        inTable = false;
        continue;
      }
      const column = /^"?(\w+)"?\s+/.exec(trimmed)?.[1];
      const constraint = /^(?:primary|unique|foreign|check|constraint|exclude)\b/i.test(trimmed);
      out.push(todo(indentOf(line), '--', constraint || !column ? 'add the table constraint' : `column ${column}: choose its type and constraints`));
      continue;
    }
    if (statement) {
      if (trimmed.endsWith(';')) statement = false;
      continue;
    }
    const table = /^create\s+(?:temporary\s+|temp\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?([\w."]+)\s*\(\s*$/i.exec(trimmed);
    if (table) {
      out.push(line.replace(/\s*\(\s*$/, ' ('));
      inTable = true;
      continue;
    }
    out.push(todo(indentOf(line), '--', sqlHint(trimmed)));
    statement = !trimmed.endsWith(';');
  }
  return out;
}

function sqlHint(statement: string): string {
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."]+)/i, (m) => `create the table ${m[1]}`],
    [/^create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?([\w"]+)?\s*on\s+([\w."]+)/i, (m) => `create the index on ${m[2]}`],
    [/^create\s+extension\s+(?:if\s+not\s+exists\s+)?([\w"]+)/i, (m) => `enable the extension ${m[1]}`],
    [/^create\s+(?:or\s+replace\s+)?(view|function|trigger|type|schema|role)\b/i, (m) => `create the ${m[1]!.toLowerCase()}`],
    [/^alter\s+table\s+([\w."]+)/i, (m) => `alter the table ${m[1]}`],
    [/^insert\s+into\s+([\w."]+)/i, (m) => `insert the rows into ${m[1]}`],
    [/^update\s+([\w."]+)/i, (m) => `update ${m[1]}`],
    [/^delete\s+from\s+([\w."]+)/i, (m) => `delete from ${m[1]}`],
    [/^select\b/i, () => 'write the query'],
    [/^grant\b/i, () => 'grant the privileges'],
    [/^revoke\b/i, () => 'revoke the privileges'],
  ];
  for (const [re, hint] of rules) {
    const m = re.exec(statement);
    if (m) return hint(m);
  }
  return 'write this statement';
}

/**
 * Python/JavaScript: imports, comments and declarations (functions, classes, route handlers) kept;
 * each run of other code becomes one TODO hint, so bodies are for the learner to write.
 */
function programStarter(text: string, family: 'python' | 'javascript'): string[] {
  const prefix = family === 'python' ? '#' : '//';
  const lines = text.split('\n');
  const out: string[] = [];
  const isComment = (t: string) => (family === 'python' ? t.startsWith('#') : /^(?:\/\/|\/\*|\*)/.test(t));

  /** Index after the body of the declaration on line `header`. */
  const bodyEnd = (header: number): number => {
    if (family === 'python') {
      const indent = indentOf(lines[header]!).length;
      let k = header + 1;
      let last = header;
      for (; k < lines.length; k++) {
        const t = lines[k]!.trim();
        if (t === '') continue;
        if (indentOf(lines[k]!).length <= indent) break;
        last = k;
      }
      return last + 1;
    }
    let depth = 0;
    for (let k = header; k < lines.length; k++) {
      depth += bracketBalance(lines[k]!);
      if (depth <= 0 && k > header) return k; // the closing line, kept by the caller
    }
    return lines.length;
  };

  const emit = (from: number, to: number, scope: string | null) => {
    let run: { indent: string; names: string[]; notes: string[]; first: string } | null = null;
    let runs = 0;
    const flush = () => {
      if (!run) return;
      const hint = scope
        ? `${runs === 0 ? 'implement' : 'continue'} ${scope}`
        : run.names.length > 0
          ? `define ${listing(run.names)}`
          : topLevelHint(run.first, family);
      const note = run.notes.length > 0 ? ` (${run.notes.join('; ')})` : '';
      out.push(todo(run.indent, prefix, hint + note));
      if (family === 'python' && scope) out.push(`${run.indent}...`);
      runs++;
      run = null;
    };
    let k = from;
    while (k < to) {
      const line = lines[k]!;
      const t = line.trim();
      if (t === '') {
        // A blank line ends a run at the top level (separate statements), not inside a body.
        if (!scope) flush();
        if (!run) out.push(line);
        k++;
        continue;
      }
      if (isComment(t)) {
        flush();
        out.push(line);
        k++;
        continue;
      }
      if (!scope && isImport(t, family)) {
        flush();
        out.push(line);
        k++;
        continue;
      }
      if (family === 'python' && t.startsWith('@')) {
        flush();
        out.push(line);
        k++;
        continue;
      }
      const name = declarationName(t, family);
      if (name !== null) {
        flush();
        out.push(line);
        const end = bodyEnd(k);
        emit(k + 1, Math.min(end, to), name);
        if (family === 'javascript' && end < to) out.push(lines[end]!);
        k = family === 'javascript' ? end + 1 : end;
        continue;
      }
      if (!run) run = { indent: indentOf(line), names: [], notes: [], first: t };
      const assigned = assignmentName(t, family);
      if (assigned && !run.names.includes(assigned)) run.names.push(assigned);
      const trailing = trailingComment(t, family);
      if (trailing) run.notes.push(trailing);
      // A statement spanning lines (open brackets) belongs to this run whole.
      let depth = bracketBalance(line);
      k++;
      while (depth > 0 && k < to) depth += bracketBalance(lines[k++]!);
    }
    flush();
  };

  emit(0, lines.length, null);
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** Opening minus closing brackets, ignoring strings and line comments. */
function bracketBalance(line: string): number {
  const code = line
    .replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""')
    .replace(/\s(?:\/\/|#).*$/, '');
  return (code.match(/[{[(]/g) ?? []).length - (code.match(/[}\])]/g) ?? []).length;
}

function assignmentName(line: string, family: 'python' | 'javascript'): string | null {
  const m = family === 'python' ? /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)/.exec(line) : /^(?:export\s+)?(?:const|let|var)\s+(\w+)/.exec(line);
  return m?.[1] ?? null;
}

function trailingComment(line: string, family: 'python' | 'javascript'): string | null {
  const code = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""');
  const m = (family === 'python' ? /\s#\s*(.+)$/ : /\s\/\/\s*(.+)$/).exec(code);
  return m?.[1]?.trim() || null;
}

function isImport(line: string, family: 'python' | 'javascript'): boolean {
  if (family === 'python') return /^(?:import\s+\w|from\s+[\w.]+\s+import\b)/.test(line);
  return /^import\b/.test(line) || /^(?:const|let|var)\s+[\w{}\s,]+=\s*require\(['"][^'"]+['"]\)\s*;?$/.test(line) || /^export\s+\*\s+from\b/.test(line);
}

function declarationName(line: string, family: 'python' | 'javascript'): string | null {
  if (family === 'python') {
    const m = /^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/.exec(line);
    return m ? `${m[1] ?? m[2]}` : null;
  }
  if (!/\{\s*$/.test(line)) return null;
  const m =
    /^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)?/.exec(line) ??
    /^(?:export\s+)?class\s+(\w+)/.exec(line) ??
    /^(?:export\s+)?(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s+)?(?:\([^)]*\)|\w+)\s*=>\s*\{$/.exec(line) ??
    /^(?:async\s+)?(?!(?:if|for|while|switch|catch|with|return|else|do|try)\b)(\w+)\s*\([^)]*\)\s*\{$/.exec(line);
  if (m) return m[1] ?? 'the function';
  const route = /^\w+\.(get|post|put|patch|delete|use|all)\(\s*(?:['"`]([^'"`]+)['"`])?/.exec(line);
  if (route && /=>\s*\{$|function\s*\([^)]*\)\s*\{$/.test(line)) return route[2] ? `the ${route[1]!.toUpperCase()} ${route[2]} handler` : 'the middleware';
  return null;
}

function topLevelHint(line: string, family: 'python' | 'javascript'): string {
  if (family === 'python' && /^if\s+__name__\s*==/.test(line)) return 'run the application when the module is executed';
  if (/\.listen\(/.test(line)) return 'start the server';
  return 'complete this step';
}

const NGINX_HINTS: Record<string, string> = {
  listen: 'set the port to listen on',
  server_name: 'set the server name',
  proxy_pass: 'forward requests to the upstream',
  proxy_set_header: 'pass the request headers on',
  proxy_cache: 'choose the cache zone',
  proxy_cache_path: 'declare the cache storage and zone',
  proxy_cache_valid: 'set how long responses stay cached',
  proxy_cache_key: 'set the cache key',
  proxy_cache_use_stale: 'allow stale responses when the upstream fails',
  add_header: 'add the response header',
  root: 'set the document root',
  index: 'set the index file',
  return: 'set the response',
  rewrite: 'rewrite the URL',
  gzip: 'configure compression',
  expires: 'set the expiry',
  server: 'add the upstream server',
};

/** HCL and nginx: block headers and closing braces kept; arguments and directives become hints. */
function braceStarter(text: string, language: 'hcl' | 'nginx'): string[] {
  const out: string[] = [];
  let depth = 0;
  let skipUntil: number | null = null;
  let continued = false;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    // nginx directives end at `;`: the lines of a multi-line directive share its hint.
    if (continued) {
      continued = !/[;{}]\s*(?:#.*)?$/.test(trimmed);
      continue;
    }
    const opens = (trimmed.match(/[{[(]/g) ?? []).length;
    const closes = (trimmed.match(/[}\])]/g) ?? []).length;
    if (skipUntil !== null) {
      depth += opens - closes;
      if (depth <= skipUntil) skipUntil = null;
      continue;
    }
    if (trimmed === '' || /^(?:#|\/\/|\/\*|\*)/.test(trimmed)) {
      out.push(line);
      continue;
    }
    if (/^[}\])]+;?$/.test(trimmed)) {
      depth -= closes;
      out.push(line);
      continue;
    }
    const header = language === 'hcl' ? /^[\w-]+(?:\s+"[^"]*")*\s*\{$/.test(trimmed) : /^[\w-]+(?:\s+[^{;]+)?\s*\{$/.test(trimmed);
    if (header && depth < 3) {
      depth += opens - closes;
      out.push(line);
      continue;
    }
    const key = /^([\w-]+)/.exec(trimmed)?.[1] ?? '';
    const hint = language === 'nginx' ? (NGINX_HINTS[key] ?? `set ${key}`) : header ? `add the ${key} block` : `set ${key}`;
    out.push(todo(indentOf(line), '#', hint));
    if (language === 'nginx' && !/[;{}]\s*(?:#.*)?$/.test(trimmed)) continued = true;
    if (opens > closes) {
      skipUntil = depth;
      depth += opens - closes;
    }
  }
  return out;
}

function iniStarter(text: string): string[] {
  return text.split('\n').map((line) => {
    const trimmed = line.trim();
    if (trimmed === '' || /^[#;]/.test(trimmed) || /^\[[^\]]+\]$/.test(trimmed)) return line;
    const key = /^([\w.-]+)\s*[=:]/.exec(trimmed)?.[1];
    return todo(indentOf(line), '#', key ? `set ${key}` : 'complete this setting');
  });
}

function genericStarter(text: string, prefix: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(prefix)) out.push(line);
    else out.push(todo(indentOf(line), prefix, 'complete this line'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
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
