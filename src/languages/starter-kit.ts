/** What every starter maker and lab summary shares: TODO lines, the fallback starter, listings. */

/** A TODO line; `end` closes the comment in a language with block comments only (`-->` in HTML). */
export const todo = (indent: string, prefix: string, hint: string, end?: string) => `${indent}${prefix} TODO: ${hint}${end ? ` ${end}` : ''}`;
export const indentOf = (line: string) => line.slice(0, line.length - line.trimStart().length);

/** Consecutive identical TODO lines become one. */
export function collapseTodos(lines: string[]): string[] {
  return lines.filter((line, i) => !(/TODO:/.test(line) && line === lines[i - 1]));
}

export function genericStarter(text: string, prefix: string, end?: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith(prefix)) out.push(line);
    else out.push(todo(indentOf(line), prefix, 'complete this line', end));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** "a, b and c". */
export const listing = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');

/** Inline Markdown code for a name taken from an example (backticks inside dropped). */
export const code = (text: string) => `\`${text.replace(/`/g, '')}\``;
