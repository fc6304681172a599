// Regression: a full output disk hung a full build (3 runs in 3): a write failed with ENOSPC and then
// nothing happened. `LECTERN_TEST_ENOSPC_AFTER=N` makes every atomic write after the first N fail
// with ENOSPC, as a full disk would, without mounting a small file system.
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { useSampleCourse, taggedLectern } from './helpers.js';

const course = useSampleCourse('disk-full');

describe('a full output disk', () => {
  // At the first write, and with lessons, pages and module books in flight.
  it.each([0, 12])('after %i writes: exit 3 in time, one line naming the output folder, no Chromium left', (after) => {
    const run = taggedLectern(['build', 'course', '--out', 'out', '--no-cache'], course.dir, { LECTERN_TEST_ENOSPC_AFTER: String(after) });
    expect(run.status, run.stdout + run.stderr).toBe(3);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.leftovers()).toEqual([]);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('lectern:'));
    expect(lines).toEqual([`lectern: Cannot write to the output folder ${join(course.dir, 'out')}: the disk is full (ENOSPC). Free some space, or choose another folder with --out.`]);
    expect(run.stderr).not.toContain('bug in Lectern');
  }, 120_000);
});
