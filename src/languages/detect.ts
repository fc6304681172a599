/**
 * Code-fence languages: normalising fence info strings, detecting what a snippet really is, and
 * suggesting a file name for it.
 *
 * Lessons often fence code without a label, or with the wrong one (a Dockerfile fenced as ```yaml).
 * `detectLanguage` scores the content against every registered language pack (strong and weak
 * signals per line, plus each pack's whole-snippet scorer for line-oriented formats such as
 * Dockerfile, YAML, INI and TOML) and only overrides a declared label when the content is clearly
 * something else. The loop here is shared mechanics; what each language looks like is in its pack.
 *
 * Pure: no fs, no network; never throws; looks at most at the first {@link SAMPLE_LINES} lines.
 */

import { normalizeLanguage } from './aliases.js';
import {
  DOCKER_INSTRUCTION, HEREDOC, INI_SECTION, KEY_VALUE, NEUTRAL_VALUE, SQL_COPY, TOML_ARRAY_TABLE, TOML_VALUE,
  YAML_BLOCK_SCALAR, YAML_KEY, YAML_NOT_KEYS, type Signal,
} from './signals.js';
import type { SnippetFacts } from './snippet-facts.js';
import { coveredBy, isModelled, labelTraits, lineSignals, snippetScorers } from './tables.js';

/** How many lines of a snippet the detector looks at (keeps 3,000-line inputs cheap). */
const SAMPLE_LINES = 200;
/** Longest part of a line the detector looks at (guards regexes against minified one-liners). */
const MAX_LINE = 400;

interface Analysis {
  scores: Map<string, number>;
  facts: SnippetFacts;
}

/**
 * Scores the first {@link SAMPLE_LINES} lines of `code` against every registered language: each line
 * against every pack's signals, then the whole snippet by each pack's scorer.
 */
export function analyse(code: string): Analysis {
  const scores = new Map<string, number>();
  const capped = new Map<Signal, number>();
  const add = (lang: string, points: number): void => {
    scores.set(lang, (scores.get(lang) ?? 0) + points);
  };
  const addSignal = (signal: Signal): void => {
    if (signal.cap === undefined) return add(signal.lang, signal.weight);
    const used = capped.get(signal) ?? 0;
    const points = Math.min(signal.weight, signal.cap - used);
    capped.set(signal, used + points);
    add(signal.lang, points);
  };

  const signals = lineSignals();
  const lines = sampleLines(code);
  let significant = 0;
  let prompts = 0;
  let heredocEnd: string | null = null;
  let yamlBlockIndent = -1;
  let continuation = false;
  let tomlArray = false;
  let seenCode = false;

  const docker = { lines: 0, kinds: new Set<string>() };
  const yaml = { lines: 0, topKeys: new Set<string>(), nestedKeys: new Set<string>(), kinds: [] as string[] };
  const kv = { sections: 0, arrayTables: 0, dottedSections: 0, lines: 0, tomlValues: 0, iniValues: 0, neutral: 0 };
  let markupLines = 0;
  let jsonKeyLines = 0;

  for (const raw of lines) {
    const line = raw.slice(0, MAX_LINE);
    const t = line.trim();
    const indent = line.length - line.trimStart().length;

    // Inside a shell heredoc: the body belongs to another file, not to this snippet's language.
    if (heredocEnd !== null) {
      if (t === heredocEnd) heredocEnd = null;
      continue;
    }
    // Inside a YAML block scalar (`run: |`): the body is text (often shell), still YAML structure.
    if (yamlBlockIndent >= 0) {
      if (t === '' || indent > yamlBlockIndent) {
        if (t !== '') {
          yaml.lines++;
          significant++;
        }
        continue;
      }
      yamlBlockIndent = -1;
    }
    if (t === '') {
      continuation = false;
      continue;
    }
    // A continued line (`\` at the end of the previous one) belongs to the instruction before it.
    if (continuation) {
      continuation = t.endsWith('\\');
      continue;
    }
    continuation = t.endsWith('\\');

    // Comments and directives.
    if (t.startsWith('#!')) {
      if (!seenCode) {
        if (/\b(?:ba|z|k|da)?sh\b/.test(t)) add('bash', 6);
        else if (/\bpython/.test(t)) add('python', 6);
        else if (/\bnode\b/.test(t)) add('javascript', 6);
      }
      continue;
    }
    if (/^#\s*(?:syntax|escape)=/.test(t)) {
      add('dockerfile', 3);
      continue;
    }
    if (/^#(?:\s|#|$)/.test(t) || /^(?:\/\/|\/\*|\*\/?(?:\s|$))/.test(t)) continue;
    if (/^--(?:\s|$)/.test(t)) {
      add('sql', 0.5);
      continue;
    }
    if (/^;/.test(t)) {
      add('ini', 0.5);
      continue;
    }
    if (t.startsWith('<!--')) continue;
    seenCode = true;
    significant++;

    // Prompts: `$ cmd`, `user@host:~$ cmd`, `>>> expr`, `mysql> …`, `postgres=# …`, `PS C:\> …`.
    const shellPrompt = /^(?:[\w.-]+@[\w.-]+(?::[^$#\s]*)?\s?)?\$\s+\S/.exec(t);
    if (shellPrompt) {
      prompts++;
      add('bash', 3);
      const heredoc = HEREDOC.exec(t);
      if (heredoc?.[2]) heredocEnd = heredoc[2];
      continue;
    }
    if (/^>>>\s/.test(t)) {
      add('python', 3);
      continue;
    }
    if (/^(?:mysql|mariadb|sqlite)>\s|^\w+=[#>]\s/.test(t)) {
      add('sql', 3);
      continue;
    }
    if (/^PS [A-Z]:\\[^>]*>\s/.test(t)) {
      add('powershell', 3);
      continue;
    }

    // Not a Dockerfile instruction (`RUN <<EOF`: its body is the Dockerfile's), nor a statement of a
    // C-like language (`cout << name;`, `flags << Shift;`: a shift, not a heredoc).
    const heredoc = HEREDOC.exec(t);
    if (heredoc?.[2] && !/^[A-Z]+\s/.test(t) && !t.endsWith(';')) {
      add('bash', 2);
      heredocEnd = heredoc[2];
    }

    // Dockerfile structure.
    const instruction = DOCKER_INSTRUCTION.exec(t);
    if (instruction?.[1] && !SQL_COPY.test(t)) {
      docker.lines++;
      docker.kinds.add(instruction[1]);
    }

    // YAML structure.
    const key = YAML_KEY.exec(t);
    if (key && !YAML_NOT_KEYS.has(key[2]!) && !/[,;{(]$/.test(key[3] ?? '') && !/^\/\//.test(key[3] ?? '')) {
      yaml.lines++;
      const name = key[2]!.replace(/^["']|["']$/g, '');
      if (indent === 0 && !key[1]) {
        yaml.topKeys.add(name);
        if (name === 'kind' && key[3]) yaml.kinds.push(key[3]);
      } else {
        yaml.nestedKeys.add(name);
      }
      if (YAML_BLOCK_SCALAR.test(t)) yamlBlockIndent = indent;
    } else if (/^-(?:\s|$)/.test(t) || /^(?:---|\.\.\.)(?:\s|$)/.test(t)) {
      yaml.lines++;
    }

    // INI / TOML structure.
    if (tomlArray) {
      kv.lines++;
      if (/^\]/.test(t)) tomlArray = false;
    } else if (TOML_ARRAY_TABLE.test(t)) {
      kv.arrayTables++;
      kv.lines++;
    } else if (INI_SECTION.test(t)) {
      kv.sections++;
      kv.lines++;
      if (/^\[[\w-]+\.[\w.-]+\]$/.test(t)) kv.dottedSections++;
    } else {
      const pair = KEY_VALUE.exec(t);
      if (pair) {
        kv.lines++;
        const value = pair[2]!.replace(/\s+#.*/, '');
        if (NEUTRAL_VALUE.test(value) || value === '') kv.neutral++;
        else if (TOML_VALUE.test(value)) {
          kv.tomlValues++;
          if (value.startsWith('[') && !value.includes(']')) tomlArray = true;
        } else kv.iniValues++;
      }
    }

    if (/^<[!?/]?[A-Za-z]/.test(t)) markupLines++;
    if (/^"[^"]+"\s*:/.test(t)) jsonKeyLines++;

    for (const signal of signals) if (signal.re.test(t)) addSignal(signal);
  }

  const facts: SnippetFacts = { code: code.trim(), significant, prompts, docker, yaml, kv, markupLines, jsonKeyLines };
  for (const score of snippetScorers()) score(facts, scores);
  return { scores, facts };
}

export function sampleLines(code: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < SAMPLE_LINES && start <= code.length) {
    let end = code.indexOf('\n', start);
    if (end < 0) end = code.length;
    lines.push(code.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
  }
  return lines;
}

interface Ranked {
  lang: string;
  score: number;
}

function rank(scores: Map<string, number>): [Ranked | undefined, number] {
  const sorted = [...scores].map(([lang, score]) => ({ lang, score }));
  sorted.sort((a, b) => b.score - a.score);
  return [sorted[0], sorted[1]?.score ?? 0];
}

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

/** Detects what the code really is; falls back to the declared language when the content gives no clear signal. */
export function detectLanguage(code: string, declared: string | null): string | null {
  let fallback: string | null = null;
  try {
    fallback = normalizeLanguage(declared);
    if (fallback !== null && labelTraits(fallback).opaque) return fallback;
    return decide(analyse(code), fallback);
  } catch {
    return fallback;
  }
}

function decide(analysis: Analysis, declared: string | null): string | null {
  const [best, second] = rank(analysis.scores);
  if (!best) return declared;
  if (declared === null || labelTraits(declared).unspecific) {
    // Unlabelled: a modest but unambiguous signal is enough.
    return best.score >= 2 && best.score >= 1.5 * second ? best.lang : declared;
  }
  if (best.lang === declared || coveredBy(declared)?.includes(best.lang)) return declared;
  if (isModelled(declared)) {
    // Labelled with a language we know: override only when the content is clearly something else
    // and offers little support for the label.
    const support = analysis.scores.get(declared) ?? 0;
    if (best.score >= 5 && best.score >= 2 * second && best.score >= 4 * support) return best.lang;
    return declared;
  }
  // Labelled with a language we cannot score (r, kotlin, lua, …): demand overwhelming evidence.
  return best.score >= 10 && best.score >= 3 * second ? best.lang : declared;
}

/**
 * True when `declared` and `detected` name the same language family.
 *
 * Choices:
 * - strict equality after normalisation is the rule (so `yaml` vs `json`, `ini` vs `toml`,
 *   `yaml` vs `dockerfile` disagree);
 * - a missing side (`null`: unlabelled fence, or nothing detected) is no evidence of disagreement → true;
 * - supersets agree: a `typescript` label on plain JavaScript (or JSON), a `javascript` label on a
 *   JSON literal, a `cpp` label on C. The reverse (a `javascript` label on code with type
 *   annotations) disagrees, because that code does not run as JavaScript;
 * - `console` (a terminal transcript) agrees with `bash`;
 * - `text`, `output`, `console` and friends are agreement-neutral only when detection is
 *   inconclusive — and `detectLanguage` then returns the label itself, so equality covers it; a
 *   caller passing e.g. (`text`, `python`) gets false.
 */
export function languagesAgree(declared: string | null, detected: string | null): boolean {
  const a = normalizeLanguage(declared);
  const b = normalizeLanguage(detected);
  if (a === null || b === null || a === b) return true;
  if (coveredBy(a)?.includes(b)) return true;
  const shell = new Set(['bash', 'console']);
  return shell.has(a) && shell.has(b);
}
