/**
 * `missing-objectives` once per module: a course in another format often has no objectives anywhere, and
 * the same warning on each of its 34 pages hides every other message. When no lesson of a module has
 * objectives, the first lesson keeps one warning that says so for the module; the others drop theirs.
 * Objectives are never invented.
 */
import { diagnosticsOf, type Analysis } from '../pipeline.js';

const RULE = 'missing-objectives';

export function foldMissingObjectives(lessons: Analysis[]): void {
  if (lessons.length < 2) return;
  const flagged = lessons.filter((analysis) => analysis.file.messages.some((message) => message.ruleId === RULE));
  if (flagged.length !== lessons.length) return;
  lessons.forEach((analysis, index) => {
    const { file } = analysis;
    if (index === 0) {
      const message = file.messages.find((candidate) => candidate.ruleId === RULE)!;
      message.reason = `No lesson of this module (${lessons.length} lessons) has learning objectives; add a "## Learning Objectives" list to each`;
      message.message = message.reason;
    } else {
      file.messages = file.messages.filter((candidate) => candidate.ruleId !== RULE);
    }
    analysis.lesson.diagnostics = diagnosticsOf(file);
  });
}
