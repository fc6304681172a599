/** SQL starter: statement shapes kept, clauses replaced by TODO hints. */

import { indentOf, todo } from './starter-kit.js';

export function sqlStarter(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  // Inside `CREATE TABLE … (`: the table's indent and how deep the parentheses are (1 between columns).
  let table: { indent: string; depth: number } | null = null;
  let statement = false;
  let blockComment = false;
  for (const line of lines) {
    const trimmed = line.trim();
    // Comments are kept: `--` lines, and `/* … */` ones over as many lines as they take.
    if (blockComment || trimmed.startsWith('/*')) {
      out.push(line);
      blockComment = !trimmed.includes('*/');
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('--')) {
      out.push(line);
      continue;
    }
    if (table) {
      const code = trimmed.split('--')[0]!;
      // A line that starts between columns is a column or a constraint; deeper ones continue it (a multi-line CHECK).
      if (table.depth === 1 && !code.startsWith(')')) out.push(todo(indentOf(line), '--', tableItemHint(code)));
      table.depth += code.split('(').length - code.split(')').length;
      if (table.depth <= 0) {
        // The table's closing parenthesis, maybe after the last column or before table options (`) WITH (…);`).
        out.push(`${table.indent});`);
        statement = !code.trimEnd().endsWith(';');
        table = null;
      }
      continue;
    }
    if (statement) {
      if (trimmed.endsWith(';')) statement = false;
      continue;
    }
    const opening = /^create\s+(?:temporary\s+|temp\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?[\w."`[\]]+\s*\($/i.test(trimmed);
    if (opening) {
      out.push(line.replace(/\s*\(\s*$/, ' ('));
      table = { indent: indentOf(line), depth: 1 };
      continue;
    }
    out.push(todo(indentOf(line), '--', sqlHint(trimmed)));
    statement = !trimmed.endsWith(';');
  }
  return out;
}

function tableItemHint(line: string): string {
  // A leading comma: the column list written comma-first (`  , email TEXT`).
  const code = line.startsWith(',') ? line.slice(1).trimStart() : line;
  const column = /^[`"[]?(\w+)[`"\]]?\s/.exec(code)?.[1];
  const constraint = /^(?:primary|unique|foreign|check|constraint|exclude|key|index)\b/i.test(code);
  if (constraint) return 'add the table constraint';
  // Neither: an elision or a placeholder (`… the other columns`).
  return column ? `column ${column}: choose its type and constraints` : 'complete this line';
}

function sqlHint(statement: string): string {
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."`[\]]+)/i, (m) => `create the table ${m[1]}`],
    [/^create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?([\w"`[\]]+)?\s*on\s+([\w."`[\]]+)/i, (m) => `create the index on ${m[2]}`],
    [/^create\s+extension\s+(?:if\s+not\s+exists\s+)?([\w"-]+)/i, (m) => `enable the extension ${m[1]}`],
    [/^create\s+(?:or\s+replace\s+)?(view|function|trigger|type|schema|role)\b/i, (m) => `create the ${m[1]!.toLowerCase()}`],
    [/^alter\s+table\s+([\w."`[\]]+)/i, (m) => `alter the table ${m[1]}`],
    [/^insert\s+into\s+([\w."`[\]]+)/i, (m) => `insert the rows into ${m[1]}`],
    [/^update\s+([\w."`[\]]+)/i, (m) => `update ${m[1]}`],
    [/^delete\s+from\s+([\w."`[\]]+)/i, (m) => `delete from ${m[1]}`],
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
