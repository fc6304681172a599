// Held promise of issue 18: "500 diagrams: built". One lesson with 500 small, distinct Mermaid
// diagrams builds as a handout (Markdown and HTML, so no PDF is printed): exit 0, no error or diagram diagnostic,
// and every diagram drawn as its own SVG figure in handout.html, in order, no Chromium left.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt } from '../helpers/cli.js';
import { readReport, taggedLectern } from './helpers.js';

const COUNT = 500;
const diagram = (i: number) => `\`\`\`mermaid\ngraph LR\n  A${i}[Step ${i}] --> B${i}[Done ${i}]\n\`\`\``;

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-many-diagrams-'));
  mkdirSync(join(dir, 'course', 'module-1'), { recursive: true });
  const diagrams = Array.from({ length: COUNT }, (_, i) => `Diagram ${i + 1}:\n\n${diagram(i + 1)}`).join('\n\n');
  writeFileSync(join(dir, 'course', 'module-1', '1.1-many.md'), `# Lesson 1.1: Many Diagrams\n\n## Learning Objectives\n\n- Draw\n\n## Architecture Diagrams\n\n${diagrams}\n`);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe(`${COUNT} diagrams in one lesson`, () => {
  it('are all built, each its own SVG in the handout, in order', () => {
    const run = taggedLectern(['build', 'course', '--out', 'out', '--formats', 'handout', '--to', 'md,html'], dir);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.leftovers()).toEqual([]);
    const diagnostics = readReport(join(dir, 'out')).lessons[0]!.diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error' || /diagram|mermaid/.test(d.rule))).toEqual([]);
    const handout = readFileSync(join(dir, 'out', 'module-1', '1.1-many', 'handout.html'), 'utf8');
    const svgs = [...handout.matchAll(/<svg\b[^>]*aria-roledescription="flowchart[^>]*>([\s\S]*?)<\/svg>/g)].map((match) => match[1]!);
    expect(svgs).toHaveLength(COUNT);
    // Each drawing holds its own nodes and labels, not a neighbour's: diagram i draws A<i> "Step i"
    // and B<i> "Done i" (Mermaid sets each word of a label in its own tspan).
    svgs.forEach((svg, index) => {
      const i = index + 1;
      expect(svg).toMatch(new RegExp(`id="[^"]*-flowchart-A${i}-\\d+"`));
      expect(svg).toMatch(new RegExp(`id="[^"]*-flowchart-B${i}-\\d+"`));
      expect(svg).toMatch(new RegExp(`>Step</tspan><tspan[^>]*> ${i}</tspan>`));
      expect(svg).toMatch(new RegExp(`>Done</tspan><tspan[^>]*> ${i}</tspan>`));
    });
  }, 240_000);
});
