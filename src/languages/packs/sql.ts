/** SQL scripts: schemas, queries and data changes, checked with psql. */

import type { LanguagePack } from '../pack.js';
import { own } from '../own.js';
import { sqlStarter } from '../sql-starter.js';
import { code, listing } from '../starter-kit.js';

export const sql: LanguagePack = {
  kind: 'sql',
  aliases: ['postgresql', 'postgres', 'pgsql', 'mysql', 'psql', 'sqlite', 'plsql', 'tsql', 'mssql'],
  signals: [
    { lang: 'sql', re: /^select\s+(?!\{)\S/i, weight: 3 },
    { lang: 'sql', re: /^insert\s+into\s/i, weight: 4 },
    {
      lang: 'sql',
      re: /^create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+|unique\s+|materialized\s+)?(?:table|index|view|database|schema|extension|function|procedure|trigger|sequence|type|role|user)\b/i,
      weight: 4,
    },
    { lang: 'sql', re: /^alter\s+(?:table|database|user|role|index|view|sequence|schema)\b/i, weight: 4 },
    { lang: 'sql', re: /^update\s+[\w."`]+(?:\s+\w+)?\s+set\s/i, weight: 4 },
    { lang: 'sql', re: /^update\s+[\w."`]+$/i, weight: 2 },
    { lang: 'sql', re: /^set\s+[\w".`]+\s*=\s*\S/i, weight: 1 },
    { lang: 'sql', re: /^delete\s+from\s/i, weight: 4 },
    { lang: 'sql', re: /^(?:drop|truncate)\s+(?:table|index|view|database|schema)\b/i, weight: 4 },
    { lang: 'sql', re: /^(?:inner\s+|left\s+|right\s+|full\s+|cross\s+)?(?:outer\s+)?join\s/i, weight: 2 },
    { lang: 'sql', re: /^(?:where|having|group\s+by|order\s+by|union(?:\s+all)?)\b(?!\s*[=(:])/i, weight: 2 },
    { lang: 'sql', re: /^limit\s+\d+;?$/i, weight: 2 },
    { lang: 'sql', re: /^values\s*\(/i, weight: 2 },
    { lang: 'sql', re: /^from\s+[\w."`]+(?:\s+(?:as\s+)?\w+)?(?:\s+where\b.*)?;?$/i, weight: 1 },
    { lang: 'sql', re: /^(?:begin|commit|rollback)(?:\s+transaction)?;$/i, weight: 2 },
    { lang: 'sql', re: /^grant\s.+\bon\b/i, weight: 3 },
    { lang: 'sql', re: /^with\s+\w+\s+as\s*\(/i, weight: 3 },
    { lang: 'sql', re: /^COPY\s+\w+(?:\s*\(.*\))?\s+(?:FROM|TO)\s/i, weight: 3 },
    {
      lang: 'sql',
      re: /\b(?:PRIMARY KEY|FOREIGN KEY|REFERENCES|NOT NULL|VARCHAR\(|SERIAL|AUTO_INCREMENT|INTEGER|TIMESTAMP|BOOLEAN|DEFAULT)\b/,
      weight: 1.5,
      cap: 6,
    },
    { lang: 'sql', re: /\b(?:COUNT|SUM|AVG|MAX|MIN)\(/, weight: 1, cap: 2 },
  ],
  extensions: ['sql'],
  fileName: (text) => (/^\s*(?:create|alter)\s+(?:table|index|view|schema|type|extension)\b/im.test(text) ? 'schema.sql' : 'query.sql'),
  comment: '--',
  starter: sqlStarter,
  role: 'config',
  lab: {
    label: 'SQL script',
    steps: ['Choose a type and the constraints for each column.'],
    mistakes: ['Missing `NOT NULL` or `UNIQUE` constraints', 'Re-running the script on a database where the tables already exist'],
    watch: ['Give each learner a scratch database, so re-running the script after a fix starts clean.'],
    check: (fileName, text) => ({
      command: `psql -v ON_ERROR_STOP=1 -f ${fileName}`,
      expected: `psql prints one line per statement (${sqlStatements(text).join(', ') || 'CREATE …'}) and no ERROR.`,
    }),
    summary: (source) => {
      const tables = [...source.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."]+)/gi)].map((m) => code(m[1]!.replace(/"/g, '')));
      const indexes = [...source.matchAll(/create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?([\w"]+)/gi)].map((m) => code(m[1]!.replace(/"/g, '')));
      const parts: string[] = [];
      if (tables.length > 0) parts.push(`creates the table${tables.length > 1 ? 's' : ''} ${listing(tables)}`);
      if (indexes.length > 0) parts.push(`the index${indexes.length > 1 ? 'es' : ''} ${listing(indexes)}`);
      return parts.length > 0 ? listing(parts) : null;
    },
  },
};

/** The status psql prints for a statement, where it is not the statement's own words. */
const STATUS: Record<string, string> = { 'CREATE UNIQUE INDEX': 'CREATE INDEX', INSERT: 'INSERT 0 1' };

/** The psql status words a script prints (`CREATE TABLE`, `INSERT 0 1`), in order, without repeats. */
export function sqlStatements(text: string): string[] {
  const seen: string[] = [];
  for (const match of text.matchAll(/^\s*(create(?:\s+unique)?\s+(?:table|index|view|extension|schema|type|function)|alter\s+table|insert|update|delete|grant)\b/gim)) {
    const words = match[1]!.toUpperCase().replace(/\s+/g, ' ');
    const status = own(STATUS, words) ?? words;
    if (!seen.includes(status)) seen.push(status);
  }
  return seen;
}
