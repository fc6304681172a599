/**
 * What a lint rule is and how it reports. Rules are pure: they read the lesson model and the mdast
 * tree, and write vfile messages; the file system is reached only through `fileExists`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Lesson, Severity } from '../model/lesson.js';

export interface LintContext {
  lesson: Lesson;
  tree: Root;
  file: VFile;
  /** Answers whether an absolute path exists; without it, checks that need the disk are skipped. */
  fileExists?: (absolutePath: string) => boolean;
}

export interface Rule {
  /** Stable kebab-case id, printed with every message and documented in the README. */
  id: string;
  /** The severity of the rule's messages, unless a report overrides it. */
  severity: Severity;
  run(ctx: LintContext): void;
}

export interface Place {
  line: number;
  column: number;
}

interface Positioned {
  position?: { start: Place; end: Place } | undefined;
}

/** Adds one message for `rule` to the file; `severity` overrides the rule's own. */
export function report(
  ctx: LintContext,
  rule: Pick<Rule, 'id' | 'severity'>,
  reason: string,
  place: Place | Positioned | undefined,
  severity: Severity = rule.severity,
): void {
  const where = place === undefined ? undefined : 'line' in place ? place : place.position;
  const message = ctx.file.message(reason, { place: where, ruleId: rule.id, source: 'lectern' });
  // vfile encodes severity in `fatal`: true = error, false = warning, undefined = info.
  message.fatal = severity === 'error' ? true : severity === 'info' ? undefined : false;
}
