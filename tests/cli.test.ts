// The CLI, mostly in-process through `main(argv, io)`; a few cases spawn the real `bin/lectern.js`.
// Cases marked "pipeline" need the lead's analyzeLesson (src/pipeline.ts) to be implemented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { parseArgs } from '../src/cli/args.js';
import type { CliIO } from '../src/cli/io.js';

const root = join(import.meta.dirname, '..');
const seed = join(root, 'tests', 'corpus', 'seed-6.7-docker-fundamentals.md');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const lessonPath = 'lessons/module-6/6.7-docker-fundamentals.md';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

async function lectern(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    cwd: options.cwd ?? dir,
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

async function put(name: string, content: string | Uint8Array): Promise<void> {
  await mkdir(join(dir, name, '..'), { recursive: true });
  await writeFile(join(dir, name), content);
}

const goodLesson = `# Lesson 1.1: Good

## Learning Objectives
- Explain what a container is

## Notes
Plain text.
`;

const badYamlLesson = `# Lesson 1.2: Broken config

## Learning Objectives
- Configure a service

## Configuration Examples

### Compose
\`\`\`yaml
services:
  web:
    image: nginx
   ports:
      - "80:80"
\`\`\`
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-cli-'));
  await mkdir(join(dir, 'lessons/module-6'), { recursive: true });
  await copyFile(seed, join(dir, lessonPath));
  await put('good/1.1-good.md', goodLesson);
  await put('bad/1.2-broken.md', badYamlLesson);
  await put('mixed/1.1-good.md', goodLesson);
  await put('mixed/1.2-empty.md', '');
  await put('mixed/1.3-binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  await mkdir(join(dir, 'nothing-here'), { recursive: true });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('arguments', () => {
  it('accepts --opt value and --opt=value, flags, lists and -- positionals', () => {
    const args = parseArgs([
      'check', 'lessons', '--out', 'site', '--formats=deck,lab', '--to', 'md,pdf', '--paper=letter',
      '--handout-style', 'slides', '--concurrency=4', '--no-cache', '--reporter', 'json', '--quiet', '--', '--weird-name.md',
    ]);
    expect(args).toEqual({
      command: 'check',
      positionals: ['lessons', '--weird-name.md'],
      options: {
        out: 'site', formats: ['deck', 'lab'], to: ['md', 'pdf'], paper: 'letter', handoutStyle: 'slides',
        concurrency: 4, cache: false, reporter: 'json', quiet: true,
      },
      help: false,
      version: false,
    });
  });

  it('leaves absent options undefined so a config file can fill them', () => {
    expect(parseArgs(['build']).options).toEqual({});
  });

  it.each([
    [['check', '--frobnicate'], 'unknown option --frobnicate'],
    [['check', '--fromats', 'deck'], 'unknown option --fromats; did you mean --formats?'],
    [['check', '-x'], 'unknown option -x'],
    [['check', '--paper', 'a5'], '--paper must be one of a4, letter (got "a5")'],
    [['check', '--formats', 'deck,poster'], '--formats must be one of deck, handout, lab (got "poster")'],
    [['check', '--to='], '--to needs at least one of md, html, pdf, pptx'],
    [['check', '--concurrency', '0'], '--concurrency must be a whole number of 1 or more (got "0")'],
    [['check', '--out'], '--out needs a value (DIR)'],
    [['check', '--out', '--quiet'], '--out needs a value (DIR)'],
    [['check', '--quiet=yes'], '--quiet does not take a value'],
    [['check', '--reporter', 'xml'], '--reporter must be one of pretty, json (got "xml")'],
    [['build', '--pptx-style', 'slides'], '--pptx-style must be one of editable, pictures (got "slides")'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j is bad usage: exit 2 with one line and a hint', async (argv, message) => {
    const run = await lectern(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`lectern: ${message}\nRun "lectern --help" for usage.\n`);
  });
});

describe('--version and --help', () => {
  it('prints the package version', async () => {
    expect(await lectern(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('lists every command and option', async () => {
    const run = await lectern(['--help']);
    expect(run.code).toBe(0);
    for (const word of ['build', 'check', 'inspect', 'watch', 'serve', 'index', 'workshop', 'new']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${word} `, 'm'));
    }
    for (const option of [
      '--out DIR', '--formats', '--to', '--templates DIR', '--theme', '--paper a4|letter', '--handout-style document|slides', '--pptx-style editable|pictures',
      '--config FILE', '--concurrency N', '--no-cache', '--reporter pretty|json', '--quiet', '--json', '--version', '-h, --help',
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect((await lectern(['help'])).stdout).toBe(run.stdout);
  });

  it('prints one command’s help with `help CMD` or `CMD --help`', async () => {
    const help = await lectern(['help', 'check']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: lectern check [PATH...] [options]');
    expect(help.stdout).toContain('Parse and lint lessons');
    expect(help.stdout).not.toMatch(/^  workshop /m);
    expect((await lectern(['check', '-h'])).stdout).toBe(help.stdout);
    expect((await lectern(['workshop', '--help'])).stdout).toContain('Usage: lectern workshop');
    const unknown = await lectern(['help', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "nope"');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const run = await lectern([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: lectern <command>');
  });
});

// Usage mistakes stop watch, serve and index before anything is built or served (exit 2, one line).
describe('watch, serve and index with bad arguments', () => {
  it.each([
    [['watch', 'no-such-folder'], 'path not found: no-such-folder'],
    [['serve', 'no-such-folder'], 'path not found: no-such-folder'],
    [['watch', 'good', '--shard', '1/2'], '--shard is for build only'],
    [['index'], 'index needs the output folders to merge, such as: lectern index out-1 out-2 --out output'],
    [['index', 'good', '--out', 'merged'], 'no build report in good; build it first (lectern build --out good)'],
  ])('%j exits 2 with one line', async (argv, message) => {
    const run = await lectern(argv);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `lectern: ${message}\n` });
  });

  it.each([
    [['serve', '--port', '70000'], '--port must be a port number from 0 to 65535 (got "70000")'],
    [['serve', '--port', 'http'], '--port must be a port number from 0 to 65535 (got "http")'],
    [['build', '--shard', '0/2'], '--shard must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "0/2")'],
  ])('%j is a command-line mistake', async (argv, message) => {
    const run = await lectern(argv);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `lectern: ${message}\nRun "lectern --help" for usage.\n` });
  });
});

describe('workshop and new without their argument', () => {
  it.each([
    [['workshop'], 'workshop needs a FILE.yaml (lectern new --workshop writes one)'],
    [['workshop', 'no-such.yaml'], 'workshop file not found: no-such.yaml'],
    [['new'], 'new needs a TITLE, such as: lectern new "Intro to Kubernetes"'],
  ])('%j exits 2 with one line', async (argv, message) => {
    const run = await lectern(argv);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `lectern: ${message}\n` });
  });
});

describe('check', () => {
  it('exits 2 for a missing path, without checking anything', async () => {
    const run = await lectern(['check', 'good', 'no-such-folder']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'lectern: path not found: no-such-folder\n' });
  });

  it('exits 2 when the default lessons/ folder is missing', async () => {
    const run = await lectern(['check'], { cwd: join(dir, 'good') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lectern: path not found: lessons/\n');
  });

  it('exits 2 for a folder without lessons', async () => {
    const run = await lectern(['check', 'nothing-here']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no Markdown lessons found in nothing-here');
  });

  // pipeline
  it('reports the seed lesson: warnings on lines 9-11 and 101, exit 0 (default path lessons/)', async () => {
    const run = await lectern(['check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const at = (line: number, rule: string) =>
      lines.find((text) => text.startsWith(`${lessonPath}:${line}:`) && text.endsWith(`  ${rule}`));
    expect(at(101, 'fence-language')).toMatch(/^lessons\/module-6\/6\.7-docker-fundamentals\.md:101:\d+  warning  Code fenced as "yaml" looks like dockerfile/);
    for (const line of [9, 10, 11]) expect(at(line, 'objective-verb')).toMatch(/  warning  Objective "/);
    expect(at(12, 'objective-verb')).toBeUndefined();
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\S+:\d+:\d+  (?:error|warning|info)  .+  [a-z-]+$/);
    expect(lines.at(-1)).toMatch(/^1 file checked: 0 errors, \d+ warnings$/);
  });

  // pipeline
  it('exits 1 when a lesson has an error, with the line inside the lesson', async () => {
    const run = await lectern(['check', 'bad']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^bad\/1\.2-broken\.md:1[34]:\d+  error  Invalid YAML in "Compose": .+  config-syntax$/m);
    expect(run.stdout).toMatch(/^1 file checked: 1 error, 0 warnings$/m);
  });

  // pipeline
  it('reports unreadable files as one line each and still checks the others', async () => {
    const run = await lectern(['check', 'mixed']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('mixed/1.2-empty.md: file is empty\n');
    expect(run.stdout).toContain('mixed/1.3-binary.md: not UTF-8 text (binary file?)\n');
    expect(run.stdout).toMatch(/^3 files checked: 2 errors, 0 warnings$/m);
  });

  // pipeline
  it('names an unreadable file once, also when it was given by its absolute path', async () => {
    const run = await lectern(['check', join(dir, 'mixed', '1.2-empty.md'), 'mixed/1.1-good.md']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('mixed/1.2-empty.md: file is empty\n');
    expect(run.stdout).not.toContain(dir);
  });

  // pipeline
  it('prints only JSON on stdout with --reporter json', async () => {
    const run = await lectern(['check', 'mixed', 'lessons', '--reporter', 'json']);
    expect(run.code).toBe(1);
    const reports = JSON.parse(run.stdout) as Array<{ file: string; diagnostics: Array<Record<string, unknown>> }>;
    expect(reports.map((report) => report.file)).toEqual([
      'mixed/1.1-good.md', 'mixed/1.2-empty.md', 'mixed/1.3-binary.md', lessonPath,
    ]);
    expect(reports[0]?.diagnostics).toEqual([]);
    expect(reports[1]?.diagnostics).toEqual([
      { severity: 'error', rule: 'unreadable-file', message: 'file is empty', line: 1, column: 1 },
    ]);
    expect(reports[3]?.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'warning', rule: 'fence-language', line: 101 }),
    );
    for (const diagnostic of reports.flatMap((report) => report.diagnostics)) {
      expect(Object.keys(diagnostic).sort()).toEqual(['column', 'line', 'message', 'rule', 'severity']);
    }
    expect((await lectern(['check', 'good', '--json'])).stdout).toBe('[\n  {\n    "file": "good/1.1-good.md",\n    "diagnostics": []\n  }\n]\n');
  });

  // pipeline
  it('prints only errors with --quiet', async () => {
    const warningsOnly = await lectern(['check', 'lessons', '--quiet']);
    expect(warningsOnly).toEqual({ code: 0, stdout: '', stderr: '' });
    const run = await lectern(['check', 'lessons', 'bad', '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^bad\/1\.2-broken\.md:\d+:\d+  error  .+  config-syntax$/)]);
  });
});

describe('inspect', () => {
  // pipeline
  it('prints the whole lesson model as JSON', async () => {
    const run = await lectern(['inspect', lessonPath, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lesson = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const field of [
      'source', 'id', 'number', 'title', 'meta', 'navigation', 'objectives', 'questions', 'keypoints', 'concepts', 'diagrams',
      'examples', 'practices', 'caseStudies', 'exercises', 'pitfalls', 'resources', 'reviewQuestions', 'nextSteps', 'sections', 'diagnostics',
    ]) {
      expect(lesson, field).toHaveProperty(field);
    }
    expect(lesson.title).toBe('Docker Fundamentals');
    expect(lesson.id).toBe('6.7-docker-fundamentals');
    expect(lesson.diagnostics).toContainEqual(expect.objectContaining({ rule: 'objective-verb', line: 9 }));
  });

  // pipeline
  it('prints a short summary without --json', async () => {
    const run = await lectern(['inspect', lessonPath]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Docker Fundamentals');
    expect(run.stdout).toMatch(/objectives:\s+4/);
    expect(run.stdout).toContain(`${lessonPath}:101:`);
  });

  it('exits 2 for a missing file or no file, 1 with one line for an unusable one', async () => {
    expect(await lectern(['inspect', 'nope.md', '--json'])).toEqual({ code: 2, stdout: '', stderr: 'lectern: path not found: nope.md\n' });
    expect((await lectern(['inspect'])).code).toBe(2);
    expect((await lectern(['inspect', 'good'])).code).toBe(2);
    expect(await lectern(['inspect', 'mixed/1.3-binary.md', '--json'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'lectern: mixed/1.3-binary.md: not UTF-8 text (binary file?)\n',
    });
    expect(await lectern(['inspect', 'mixed/1.2-empty.md'])).toEqual({ code: 1, stdout: '', stderr: 'lectern: mixed/1.2-empty.md: file is empty\n' });
  });

  it('shows the stack of a LecternError only with LECTERN_DEBUG=1', async () => {
    const run = await lectern(['inspect', 'mixed/1.2-empty.md'], { env: { LECTERN_DEBUG: '1' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^lectern: mixed\/1\.2-empty\.md: file is empty\nInputError: .+\n\s+at /);
  });
});

// The real executable: bin/lectern.js runs dist/, so build it first when it is missing or older than src/.
describe.skipIf(!existsSync(join(root, 'bin/lectern.js')))('bin/lectern.js', () => {
  function newest(folder: string): number {
    let time = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
    return time;
  }

  beforeAll(() => {
    const built = join(root, 'dist/cli/main.js');
    if (!existsSync(built) || statSync(built).mtimeMs < newest(join(root, 'src'))) {
      // Type errors elsewhere must not stop the build of the CLI (tsc still emits).
      try {
        execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
      } catch {
        // Reported by the typecheck step, not here.
      }
    }
  }, 120_000);

  const bin = (args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin/lectern.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('prints the version and exits 0', () => {
    const run = bin(['--version']);
    expect(run.stdout).toBe(`${version}\n`);
    expect(run.status).toBe(0);
  });

  it('exits 2 on bad usage', () => {
    const run = bin(['check', '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('lectern: unknown option --bogus');
  });

  // pipeline
  it('check: 0 with warnings only, 1 with an error', () => {
    expect(bin(['check', 'lessons']).status).toBe(0);
    expect(bin(['check', 'bad']).status).toBe(1);
  });
});
