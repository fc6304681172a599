/**
 * The order test files start in: the longest first, so the suite does not end with one worker
 * running a two-minute file alone while the other has nothing left. Vitest does this by itself
 * only from its results cache, which a fresh clone (CI) does not have: there it starts the largest
 * files first, and the slowest files here are short ones that drive the CLI and Chromium. So a
 * file's last duration comes from vitest's cache when it has one, else from tests/durations.json
 * (`node scripts/test-durations.mjs` writes it after a full run); files in neither keep vitest's
 * own order after them (failed first, then by size).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'durations.json'), 'utf8')) as Record<string, number>;

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const rank = new Map(base.map((spec, index) => [spec, index]));
    const seconds = (spec: TestSpecification): number => {
      const file = relative(this.ctx.config.root, spec.moduleId).split('\\').join('/');
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${file}`);
      return cached && !cached.failed ? cached.duration / 1000 : (committed[file] ?? 0);
    };
    return [...base].sort((a, b) => seconds(b) - seconds(a) || rank.get(a)! - rank.get(b)!);
  }
}
