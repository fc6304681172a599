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
