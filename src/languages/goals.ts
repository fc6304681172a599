/** The goal of a "write this file" task: a specification from the example's title and content. */

import type { Example } from '../model/lesson.js';
import { labFacts } from './tables.js';
import { code } from './starter-kit.js';

/** "Write the Dockerfile that …": a specification from the example's title and content, not its code. */
export function goalFor(kind: string, fileName: string, example: Example): string {
  const title = example.title;
  const facts = labFacts(kind);
  const summary = facts.summary?.(example.code) ?? null;
  const the = facts.subject?.(fileName) ?? `the ${facts.label} ${code(fileName)}`;
  return summary ? `Write ${the} that ${summary} (see “${title}”).` : `Write ${the} shown in “${title}”.`;
}
