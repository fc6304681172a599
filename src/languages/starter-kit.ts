/** What every starter maker shares: comment syntax, TODO lines, and the fallback starter. */

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

export const todo = (indent: string, prefix: string, hint: string) => `${indent}${prefix} TODO: ${hint}`;
export const indentOf = (line: string) => /^\s*/.exec(line)?.[0] ?? '';

/** Consecutive identical TODO lines become one. */
export function collapseTodos(lines: string[]): string[] {
  return lines.filter((line, i) => !(i > 0 && /TODO:/.test(line) && line === lines[i - 1]));
}

export function genericStarter(text: string, prefix: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(prefix)) out.push(line);
    else out.push(todo(indentOf(line), prefix, 'complete this line'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** "a, b and c". */
export const listing = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
