// One fixture per rule: tests/fixtures/rule-<id>/input.md triggers that rule and no other.
// Needs the full pipeline (parse → extract → lint), so it is kept apart from tests/lint.test.ts,
// whose tests call one rule each: the lint area's mutation run (vitest.mutation-lint.config.ts)
// leaves this file out, since loading the pipeline for every mutant made that run hours long.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { rules } from '../src/lint/index.js';
import { analyzeLesson } from '../src/pipeline.js';

describe('rule fixtures through the pipeline', () => {
  const fixtures = join(import.meta.dirname, 'fixtures');
  it.each(rules.map((rule) => [rule.id, rule.severity] as const))('rule-%s fires only that rule', (id, severity) => {
    const path = join(fixtures, `rule-${id}`, 'input.md');
    const file = new VFile({ path, value: readFileSync(path, 'utf8') });
    const { lesson } = analyzeLesson(file, { fileExists: existsSync });
    expect(lesson.diagnostics.length).toBeGreaterThan(0);
    expect(new Set(lesson.diagnostics.map((d) => d.rule))).toEqual(new Set([id]));
    expect(new Set(lesson.diagnostics.map((d) => d.severity))).toEqual(new Set([severity]));
  });
});
