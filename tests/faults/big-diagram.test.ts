// Held promise of issue 18: a 2,000-node diagram is a clean error at its line, not a hang or a crash,
// and the rest of the lesson is built. Mermaid refuses it with advice for programmers ("Initialize
// mermaid with maxEdges"); the author is told it is too large and to split it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../helpers/cli.js';
import { readReport, taggedLectern } from './helpers.js';
import { tooLargeReason } from '../../src/assets/mermaid-limits.js';

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-big-diagram-'));
  mkdirSync(join(dir, 'course', 'module-1'), { recursive: true });
  const chain = Array.from({ length: 2000 }, (_, i) => `  N${i} --> N${i + 1}`).join('\n');
  writeFileSync(
    join(dir, 'course', 'module-1', '1.1-huge.md'),
    `# Lesson 1.1: Huge Diagram\n\n## Learning Objectives\n\n- Draw\n\n## Architecture Diagrams\n\n\`\`\`mermaid\ngraph TD\n${chain}\n\`\`\`\n\nThe words after the diagram.\n\n\`\`\`mermaid\ngraph LR\n  A[Small] --> B[Diagram]\n\`\`\`\n`,
  );
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a 2,000-node diagram', () => {
  it('is diagram-too-large at its fence, in time, with the rest of the lesson built and no Chromium left', () => {
    const run = taggedLectern(['build', 'course', '--out', 'out', '--formats', 'handout', '--to', 'html'], dir);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(60_000);
    expect(run.leftovers()).toEqual([]);
    expect(run.stderr).not.toContain('bug in Lectern');
    const errors = readReport(join(dir, 'out')).lessons[0]!.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, d.line])).toEqual([['diagram-too-large', 10]]);
    expect(errors[0]!.message).toBe('Diagram "Architecture Diagrams" has more than 500 connections, the most Mermaid draws in one diagram; split it into smaller diagrams');
    const handout = readFileSync(join(dir, 'out', 'module-1', '1.1-huge', 'handout.html'), 'utf8');
    expect(handout).toContain('The words after the diagram.');
    // The small diagram beside it is drawn; the large one is a placeholder that says why.
    expect(handout).toMatch(/<svg[^>]*aria-roledescription="flowchart/);
    expect(handout).toContain('has more than 500 connections');
  }, 90_000);

  it('other Mermaid errors stay syntax errors', () => {
    expect(tooLargeReason('X', 'Parse error on line 2: Expecting ...')).toBeNull();
    expect(tooLargeReason('X', 'Edge limit exceeded. 500 edges found, but the limit is 500.')).toContain('more than 500 connections');
  });
});
