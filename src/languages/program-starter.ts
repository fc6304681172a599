/** Python and JavaScript/TypeScript starters: imports, comments and declarations kept, bodies replaced by TODO hints. */

import { indentOf, listing, todo } from './starter-kit.js';

/**
 * Python/JavaScript: imports, comments and declarations (functions, classes, route handlers) kept;
 * each run of other code becomes one TODO hint, so bodies are for the learner to write.
 */
export function programStarter(text: string, family: 'python' | 'javascript'): string[] {
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
    let depth = bracketBalance(lines[header]!);
    for (let k = header + 1; k < lines.length; k++) {
      depth += bracketBalance(lines[k]!);
      if (depth <= 0) return k; // the closing line, kept by the caller
    }
    return lines.length;
  };

  /** Index after the statement on line `start`: one spanning lines (open brackets) ends where they close. */
  const statementEnd = (start: number, to: number): number => {
    let depth = bracketBalance(lines[start]!);
    let k = start + 1;
    while (depth > 0 && k < to) depth += bracketBalance(lines[k++]!);
    return k;
  };

  /** Index after the type declaration on line `start`: a union or intersection goes on over lines that follow an `=`, `|` or `&`, or begin with `|` or `&`. */
  const typeEnd = (start: number, to: number): number => {
    let end = statementEnd(start, to);
    while (end < to && (/[=|&]$/.test(lines[end - 1]!.trimEnd()) || /^\s*[|&]/.test(lines[end]!))) end = statementEnd(end, to);
    return end;
  };

  const emit = (from: number, to: number, scope: string | null) => {
    let run: { indent: string; names: string[]; notes: string[]; first: string } | null = null;
    let started = false;
    const flush = () => {
      if (!run) return;
      const hint = scope
        ? `${started ? 'continue' : 'implement'} ${scope}`
        : run.names.length > 0
          ? `define ${listing(run.names)}`
          : topLevelHint(run.first);
      const note = run.notes.length > 0 ? ` (${run.notes.join('; ')})` : '';
      out.push(todo(run.indent, prefix, hint + note));
      if (family === 'python' && scope) out.push(`${run.indent}...`);
      started = true;
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
      // A decorator (Python, TypeScript) belongs to the declaration below it: kept whole.
      if (t.startsWith('@')) {
        flush();
        const end = statementEnd(k, to);
        out.push(...lines.slice(k, end));
        k = end;
        continue;
      }
      // Interfaces and type aliases (TypeScript's, Python's `type` statement) are erased at run time: the
      // contract the learner codes against, kept whole as signatures are. Those in a body are part of it.
      if (!scope && isTypeDeclaration(t)) {
        flush();
        const end = typeEnd(k, to);
        out.push(...lines.slice(k, end));
        k = end;
        continue;
      }
      const name = declarationName(t, family);
      if (name !== null) {
        flush();
        out.push(line);
        const end = bodyEnd(k);
        emit(k + 1, end, name);
        if (family === 'javascript' && end < to) out.push(lines[end]!);
        k = family === 'javascript' ? end + 1 : end;
        continue;
      }
      if (!run) run = { indent: indentOf(line), names: [], notes: [], first: t };
      const assigned = assignmentName(t, family);
      if (assigned && !run.names.includes(assigned)) run.names.push(assigned);
      const trailing = trailingComment(t, family);
      if (trailing) run.notes.push(trailing);
      // A statement spanning lines belongs to this run whole.
      k = statementEnd(k, to);
    }
    flush();
  };

  emit(0, lines.length, null);
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** Opening minus closing brackets, ignoring strings and line comments. */
function bracketBalance(line: string): number {
  // A string becomes a space, so that a comment right after one (`"a"# (`) is still seen as one.
  const code = line.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, ' ').split(/\s(?:\/\/|#)/)[0]!;
  return (code.match(/[{[(]/g) ?? []).length - (code.match(/[}\])]/g) ?? []).length;
}

function assignmentName(line: string, family: 'python' | 'javascript'): string | null {
  const m = family === 'python' ? /^([A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)/.exec(line) : /^(?:export\s+)?(?:const|let|var)\s+(\w+)/.exec(line);
  return m?.[1] ?? null;
}

/** Strings or the comment ending a line: strings are passed over, so a `#` or `//` in one starts no comment. */
const PYTHON_NOTE = /(["'`])(?:\\.|(?!\1).)*\1|\s#\s*(.+)/g;
const SCRIPT_NOTE = /(["'`])(?:\\.|(?!\1).)*\1|\s\/\/\s*(.+)/g;

/** The comment ending a (trimmed) line of code, as written: quotes in it are the comment's own. */
function trailingComment(line: string, family: 'python' | 'javascript'): string | null {
  for (const m of line.matchAll(family === 'python' ? PYTHON_NOTE : SCRIPT_NOTE)) if (m[2]) return m[2];
  return null;
}

function isImport(line: string, family: 'python' | 'javascript'): boolean {
  if (family === 'python') return /^(?:import\s+\w|from\s+[\w.]+\s+import\b)/.test(line);
  return (
    /^import\b/.test(line) ||
    /^(?:const|let|var)\s[\w{}\s,]+=\s*require\(['"][^'"]+['"]\)\s*;?(?:\s*\/\/.*)?$/.test(line) ||
    // Re-exports: `export * from`, `export * as ns from`, `export { a, b as c } from`.
    /^export\s+(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s/.test(line)
  );
}

/** An interface or type alias (`export`, `default` and `declare` allowed; generic as `<T>` or Python's `[T]`), not a name that begins with `type`. */
function isTypeDeclaration(line: string): boolean {
  return /^(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:interface\s+\w|type\s+\w+\s*[=<[])/.test(line);
}

function declarationName(line: string, family: 'python' | 'javascript'): string | null {
  if (family === 'python') {
    const m = /^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/.exec(line);
    return m ? `${m[1] ?? m[2]}` : null;
  }
  if (!/\{\s*$/.test(line)) return null;
  const m =
    /^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)?/.exec(line) ??
    /^(?:export\s+)?(?:default\s+)?class\s+(\w+)/.exec(line) ??
    // Arrow functions (wherever the declaration starts: `export const`, `if (dev) var`) and methods,
    // with a TypeScript return type or not.
    /(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s+)?(?:\([^)]*\)|\w+)(?::[^=]+)?\s*=>\s*\{$/.exec(line) ??
    /^(?:async\s+)?(?!(?:if|for|while|switch|catch|with|return|else|do|try)\b)(\w+)\s*\([^)]*\)(?::[^{]+)?\s*\{$/.exec(line);
  if (m) return m[1] ?? 'the function';
  // A route of the app, or of a router reached through another object (`api.router.get(`).
  const route = /^[\w.]+\.(get|post|put|patch|delete|use|all)\(\s*(?:['"`]([^'"`]+)['"`])?/.exec(line);
  if (route && /=>\s*\{$|function\s*\([^)]*\)\s*\{$/.test(line)) return route[2] ? `the ${route[1]!.toUpperCase()} ${route[2]} handler` : 'the middleware';
  return null;
}

function topLevelHint(line: string): string {
  // Python's main guard, as a block or as a one-line `main() if __name__ == "__main__" else None`.
  if (/\bif\s+__name__\s*==/.test(line)) return 'run the application when the module is executed';
  if (/\.listen\(/.test(line)) return 'start the server';
  return 'complete this step';
}
