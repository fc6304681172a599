/**
 * `config-syntax`: YAML and JSON examples are copied straight into learners' terminals, so they
 * must parse. Judged by the detected language (a Dockerfile fenced as yaml is `fence-language`'s
 * business, not a YAML error). Multi-document YAML (Kubernetes manifests) is valid.
 *
 * Skipped: code with template placeholders (`{{ }}`, `{% %}`, `<your-…>`), JSON with `...`
 * elisions and JSON fenced as `jsonc`/`json5`, which are deliberately not strict JSON. Only the first
 * error of an example is reported.
 */
import { parseAllDocuments } from 'yaml';
import type { Example } from '../../model/lesson.js';
import type { Rule } from '../rule.js';
import { report } from '../rule.js';
import { placeAtLine } from '../util.js';

interface SyntaxProblem {
  reason: string;
  /** 1-based line and column inside the code. */
  line: number;
  column: number;
}

const placeholder = /\{\{|\{%|<(?:your|my|insert|replace)[-_ ][^>\n]*>/i;

function yamlProblem(code: string): SyntaxProblem | undefined {
  for (const document of parseAllDocuments(code)) {
    const error = document.errors[0];
    if (!error) continue;
    const start = error.linePos?.[0];
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return { reason, line: start?.line ?? 1, column: start?.col ?? 1 };
  }
  return undefined;
}

function jsonProblem(code: string): SyntaxProblem | undefined {
  try {
    JSON.parse(code);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : code.length;
    const before = code.slice(0, offset).split('\n');
    const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    return { reason, line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  }
}

function problemIn(example: Example): SyntaxProblem | undefined {
  const code = example.code;
  if (code.trim() === '' || placeholder.test(code)) return undefined;
  if (example.language === 'yaml') return yamlProblem(code);
  if (example.language === 'json') {
    // JSON with comments or elisions is declared so, or is deliberately abridged.
    if (example.declaredLanguage === 'jsonc' || example.declaredLanguage === 'json5') return undefined;
    if (/^\s*(?:\.\.\.|…),?\s*$/m.test(code)) return undefined;
    return jsonProblem(code);
  }
  return undefined;
}

export const configSyntax: Rule = {
  id: 'config-syntax',
  severity: 'error',
  run(ctx) {
    for (const example of ctx.lesson.examples) {
      const problem = problemIn(example);
      if (!problem) continue;
      // The code starts on the line after the opening fence; an indented fence indents the code too.
      const fence = placeAtLine(ctx.tree, example.line, ['code']);
      const line = example.line + problem.line;
      const column = problem.column + fence.column - 1;
      const kind = example.language === 'json' ? 'JSON' : 'YAML';
      const name = example.title ? ` in "${example.title}"` : '';
      report(ctx, configSyntax, `Invalid ${kind}${name}: ${problem.reason} (line ${line} of the lesson)`, { line, column });
    }
  },
};
