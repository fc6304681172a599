/** Suggesting and recognising a file name for a code example. */

import { own } from './own.js';
import { normalizeLanguage } from './aliases.js';
import { analyse, detectLanguage, sampleLines } from './detect.js';


const EXTENSION_LANGUAGES: Record<string, readonly string[]> = {
  yml: ['yaml'],
  yaml: ['yaml'],
  json: ['json'],
  sql: ['sql'],
  tf: ['hcl'],
  tfvars: ['hcl'],
  hcl: ['hcl'],
  py: ['python'],
  js: ['javascript'],
  mjs: ['javascript'],
  cjs: ['javascript'],
  jsx: ['javascript', 'jsx'],
  ts: ['typescript', 'javascript'],
  tsx: ['typescript', 'tsx', 'javascript'],
  sh: ['bash'],
  bash: ['bash'],
  conf: ['nginx', 'ini', 'text'],
  ini: ['ini'],
  cfg: ['ini'],
  properties: ['ini'],
  env: ['bash', 'ini', 'text'],
  toml: ['toml'],
  html: ['html'],
  css: ['css'],
  go: ['go'],
  rs: ['rust'],
  java: ['java'],
  c: ['c'],
  h: ['c', 'cpp'],
  cpp: ['cpp'],
  rb: ['ruby'],
  ps1: ['powershell'],
  md: ['markdown'],
  xml: ['xml', 'html'],
  txt: ['text'],
};
const SPECIAL_FILES: Record<string, readonly string[]> = {
  dockerfile: ['dockerfile'],
  containerfile: ['dockerfile'],
};
const FILE_NAME = new RegExp(
  `(?:^|[\\s\`'"(/:])((?:[\\w.-]+/)*(?:[\\w-][\\w.-]*\\.(?:${Object.keys(EXTENSION_LANGUAGES).join('|')})|Dockerfile(?:\\.[\\w-]+)?|Containerfile|Makefile|Procfile|Jenkinsfile|Vagrantfile|Gemfile))(?=$|[\\s\`'",;:)!?])`,
);
/** Technology names that look like file names. */
const NOT_FILES = /^(?:node|vue|next|nuxt|express|react|d3|three|chart|ember|backbone|angular|moment|p5|ml5|alpine|nest|meteor|socket\.io)\.js$/i;
/** Labels for which a file name makes no sense. */
const NO_FILE = new Set(['text', 'output', 'out', 'error', 'warning', 'log', 'console', 'diff', 'patch', 'mermaid']);

/** Suggested file name for a code example, or null: Dockerfile, docker-compose.yml, deployment.yaml, schema.sql, main.tf, app.py, config.json, index.js, script.sh, nginx.conf, ... */
export function inferFileName(code: string, language: string | null, title?: string): string | null {
  try {
    const text = typeof code === 'string' ? code : '';
    const declared = normalizeLanguage(language);
    if (declared !== null && NO_FILE.has(declared)) return null;
    const lang = declared ?? (text.trim() ? detectLanguage(text, null) : null);

    // A file name given by the author wins: in the title, or in a leading comment (`# app.py`).
    const named = fileNameIn(title) ?? fileNameInComment(text);
    if (named !== null && fitsLanguage(named, lang)) return named;

    if (lang === null) return null;
    return fileNameFor(text, lang);
  } catch {
    return null;
  }
}

/**
 * The file name the author gave an example (in its title, or a leading `# file:` comment) when it fits
 * the language, else null: never a guess.
 */
export function statedFileName(code: string, language: string | null, title?: string): string | null {
  try {
    const declared = normalizeLanguage(language);
    if (declared !== null && NO_FILE.has(declared)) return null;
    const named = fileNameIn(title) ?? fileNameInComment(typeof code === 'string' ? code : '');
    return named !== null && fitsLanguage(named, declared) ? named : null;
  } catch {
    return null;
  }
}

/** File names that tools expect by that name: guessing one of these invents nothing. */
export const CONVENTIONAL_FILE_NAMES: ReadonlySet<string> = new Set([
  'Dockerfile', 'docker-compose.yml', 'compose.yaml', 'package.json', 'tsconfig.json', 'pyproject.toml', 'Cargo.toml', 'pom.xml',
]);

/** Every file name written in a piece of prose (`web.yaml`, `Dockerfile`), in order, without repeats. */
export function fileNamesIn(text: string): string[] {
  const names: string[] = [];
  const global = new RegExp(FILE_NAME.source, 'g');
  for (const match of text.matchAll(global)) {
    const path = match[1]!;
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (!NOT_FILES.test(base) && !names.includes(base)) names.push(base);
  }
  return names;
}

function fileNameIn(text: string | undefined): string | null {
  if (typeof text !== 'string' || text === '') return null;
  const match = FILE_NAME.exec(text);
  const path = match?.[1];
  if (!path) return null;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return NOT_FILES.test(base) ? null : base;
}

function fileNameInComment(code: string): string | null {
  for (const line of sampleLines(code).slice(0, 5)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#!')) continue;
    const comment = /^(?:#|\/\/|--|;|<!--|\/\*)\s*(?:file(?:name)?\s*:\s*)?(\S+?)\s*(?:-->|\*\/)?$/i.exec(t);
    return comment?.[1] ? fileNameIn(comment[1]) : null;
  }
  return null;
}

function fitsLanguage(name: string, lang: string | null): boolean {
  if (lang === null) return true;
  const lower = name.toLowerCase();
  const special = own(SPECIAL_FILES, lower.replace(/\..*$/, ''));
  if (special) return special.includes(lang);
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return true; // Makefile, Procfile, …: no claim about the language
  const langs = own(EXTENSION_LANGUAGES, lower.slice(dot + 1));
  return langs === undefined || langs.includes(lang);
}

function fileNameFor(code: string, lang: string): string | null {
  switch (lang) {
    case 'dockerfile':
      return 'Dockerfile';
    case 'yaml':
      return yamlFileName(code);
    case 'json':
      return jsonFileName(code);
    case 'sql':
      return /^\s*(?:create|alter)\s+(?:table|index|view|schema|type|extension)\b/im.test(code) ? 'schema.sql' : 'query.sql';
    case 'hcl':
      return hclFileName(code);
    case 'python':
      return /^\s*def\s+test_\w+/m.test(code) ? 'test_app.py' : 'app.py';
    case 'javascript':
      return 'index.js';
    case 'typescript':
      return 'index.ts';
    case 'bash': {
      // A terminal transcript (`$ cmd` prompts) is typed, not saved.
      const analysis = analyse(code);
      return analysis.prompts > 0 ? null : 'script.sh';
    }
    case 'nginx':
      return 'nginx.conf';
    case 'ini':
      return 'config.ini';
    case 'toml':
      if (/^\s*\[(?:tool\.[\w.-]+|project|build-system)\]/m.test(code)) return 'pyproject.toml';
      if (/^\s*\[package\]/m.test(code)) return 'Cargo.toml';
      return 'config.toml';
    case 'html':
      return 'index.html';
    case 'xml':
      return /<project[\s>]/.test(code) && /<groupId>/.test(code) ? 'pom.xml' : 'config.xml';
    case 'css':
      return 'styles.css';
    case 'go':
      return 'main.go';
    case 'java':
      return `${/\bpublic\s+(?:final\s+|abstract\s+)?(?:class|interface|enum|record)\s+(\w+)/.exec(code)?.[1] ?? 'Main'}.java`;
    case 'rust':
      return 'main.rs';
    case 'c':
      return 'main.c';
    case 'cpp':
      return 'main.cpp';
    case 'ruby':
      return 'app.rb';
    case 'powershell':
      return 'script.ps1';
    default:
      return null;
  }
}

function yamlFileName(code: string): string {
  const { yamlTopKeys: top, yamlKinds: kinds } = analyse(code);
  if (top.has('services') && !top.has('apiVersion')) return 'docker-compose.yml';
  const kind = kinds[0]?.replace(/["']/g, '');
  if (top.has('apiVersion') && kind && /^\w+$/.test(kind)) return `${kind.toLowerCase()}.yaml`;
  if (top.has('jobs') && (top.has('on') || /\bruns-on\s*:/.test(code))) return 'workflow.yml';
  if (/^\s*-?\s*hosts\s*:/m.test(code) && /^\s*tasks\s*:/m.test(code)) return 'playbook.yml';
  return 'config.yaml';
}

function jsonFileName(code: string): string {
  if (/"compilerOptions"\s*:/.test(code)) return 'tsconfig.json';
  if (/"name"\s*:/.test(code) && /"(?:dependencies|devDependencies|scripts)"\s*:/.test(code)) return 'package.json';
  return /^\s*\[/.test(code) ? 'data.json' : 'config.json';
}

function hclFileName(code: string): string {
  const blocks = [...code.matchAll(/^\s*(resource|data|provider|variable|output|module|terraform|locals)\b/gm)].map((m) => m[1]);
  if (blocks.length > 0 && blocks.every((b) => b === 'variable')) return 'variables.tf';
  if (blocks.length > 0 && blocks.every((b) => b === 'output')) return 'outputs.tf';
  return 'main.tf';
}
