/** SQL starter: statement shapes kept, clauses replaced by TODO hints. */

import { indentOf, todo } from './starter-kit.js';

export function sqlStarter(text: string): string[] {
  const out: string[] = [];
  const lines = text.split('\n');
  let inTable = false;
  let statement = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('--')) {
      out.push(line);
      continue;
    }
    if (inTable) {
      if (/^\)\s*;?\s*$/.test(trimmed) || /^\)\s*[^,]*;\s*$/.test(trimmed)) {
        out.push(`${indentOf(line)});`);
        inTable = false;
        continue;
      }
      const column = /^"?(\w+)"?\s+/.exec(trimmed)?.[1];
      const constraint = /^(?:primary|unique|foreign|check|constraint|exclude)\b/i.test(trimmed);
      out.push(todo(indentOf(line), '--', constraint || !column ? 'add the table constraint' : `column ${column}: choose its type and constraints`));
      continue;
    }
    if (statement) {
      if (trimmed.endsWith(';')) statement = false;
      continue;
    }
    const table = /^create\s+(?:temporary\s+|temp\s+|unlogged\s+)?table\s+(?:if\s+not\s+exists\s+)?([\w."]+)\s*\(\s*$/i.exec(trimmed);
    if (table) {
      out.push(line.replace(/\s*\(\s*$/, ' ('));
      inTable = true;
      continue;
    }
    out.push(todo(indentOf(line), '--', sqlHint(trimmed)));
    statement = !trimmed.endsWith(';');
  }
  return out;
}

function sqlHint(statement: string): string {
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/^create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."]+)/i, (m) => `create the table ${m[1]}`],
    [/^create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?([\w"]+)?\s*on\s+([\w."]+)/i, (m) => `create the index on ${m[2]}`],
    [/^create\s+extension\s+(?:if\s+not\s+exists\s+)?([\w"]+)/i, (m) => `enable the extension ${m[1]}`],
    [/^create\s+(?:or\s+replace\s+)?(view|function|trigger|type|schema|role)\b/i, (m) => `create the ${m[1]!.toLowerCase()}`],
    [/^alter\s+table\s+([\w."]+)/i, (m) => `alter the table ${m[1]}`],
    [/^insert\s+into\s+([\w."]+)/i, (m) => `insert the rows into ${m[1]}`],
    [/^update\s+([\w."]+)/i, (m) => `update ${m[1]}`],
    [/^delete\s+from\s+([\w."]+)/i, (m) => `delete from ${m[1]}`],
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
