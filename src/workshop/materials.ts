/**
 * What a facilitator must prepare for a lesson, inferred from the lesson model: the tools learners
 * need (from the languages of its code and the commands it runs), the files the lab has them
 * write, and the prerequisites it states. Pure.
 */
import type { Lesson } from '../model/lesson.js';
import { commandTool, PREREQUISITE_SECTION, type LabPlan } from '../plan/lab-tasks.js';

export interface LessonMaterials {
  /** Software for learners' machines, in the order the lesson first needs it. */
  tools: string[];
  /** Files the lab sheet has learners write (starters are on the sheet). */
  files: string[];
  /** Items of the lesson's "Prerequisites" section (empty when it has none). */
  prerequisites: string[];
}

/** Code languages that need a tool to run. */
const LANGUAGE_TOOLS: Record<string, string> = {
  dockerfile: 'Docker',
  python: 'Python 3',
  javascript: 'Node.js',
  typescript: 'Node.js',
  sql: 'PostgreSQL client (psql) and a scratch database',
  hcl: 'Terraform',
  nginx: 'nginx',
  go: 'Go',
  java: 'A Java JDK',
  kotlin: 'A Java JDK',
  rust: 'Rust (cargo)',
  ruby: 'Ruby',
  php: 'PHP',
  r: 'R',
  powershell: 'PowerShell',
};



/** The tools, lab files and prerequisites of a lesson. */
export function lessonMaterials(lesson: Lesson, lab: LabPlan): LessonMaterials {
  const tools: string[] = [];
  const add = (tool: string | undefined) => {
    if (tool && !tools.includes(tool)) tools.push(tool);
  };
  const commands = (code: string) => {
    for (const raw of code.split('\n')) {
      // Prompts and `sudo` do not change the tool; several commands on a line each count.
      for (const part of raw.replace(/^\s*(?:\$|#|>)\s+/, '').split(/\s*(?:&&|\|\||;|\|)\s*/)) {
        const line = part.trim().replace(/^sudo\s+/, '').replace(/^[A-Z_][A-Z0-9_]*=\S*\s+/, '');
        add(commandTool(line));
      }
    }
  };

  for (const example of lesson.examples) {
    if (example.language === 'bash' || example.language === 'console' || example.language === 'shell') commands(example.code);
    else if (example.language === 'yaml' && /^kind:\s*\w+/m.test(example.code) && /^apiVersion:/m.test(example.code)) add('kubectl');
    else if (example.language === 'yaml' && /^services:\s*$/m.test(example.code)) add('Docker with Compose v2');
    else add(LANGUAGE_TOOLS[example.language ?? '']);
  }
  const prose = lesson.exercises.flatMap((exercise) => [exercise.prompt, ...exercise.steps, exercise.solution ?? '']).join('\n');
  for (const fence of prose.matchAll(/^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)[^\n]*\n([\s\S]*?)^ {0,3}\1\s*$/gm)) {
    const language = fence[2]!.toLowerCase();
    if (['bash', 'sh', 'shell', 'console', 'zsh', ''].includes(language)) commands(fence[3]!);
    else add(LANGUAGE_TOOLS[language === 'py' ? 'python' : language === 'js' ? 'javascript' : language]);
  }
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) commands(span[1]!);
  for (const tool of lab.tools) add(tool.replace(/\s*\(.*\)$/, ''));

  const compose = tools.includes('Docker with Compose v2');
  return {
    tools: compose ? tools.filter((tool) => tool !== 'Docker') : tools,
    files: [...new Set(lab.tasks.map((task) => task.fileName).filter((name): name is string => Boolean(name)))],
    prerequisites: prerequisitesOf(lesson),
  };
}

/** The items of a "Prerequisites" (or "Before you start", "Requirements") section. */
export function prerequisitesOf(lesson: Lesson): string[] {
  const section = lesson.sections.find((s) => PREREQUISITE_SECTION.test(s.title.replace(/^[^\p{L}]+/u, '').trim()));
  if (!section) return [];
  const items = [...section.markdown.matchAll(/^\s*(?:[-*+]|\d+[.)])\s+(.+)$/gm)].map((m) => m[1]!.trim());
  if (items.length > 0) return items;
  const first = section.markdown.trim().split('\n')[0];
  return first ? [first] : [];
}
