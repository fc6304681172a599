// Mermaid's parser in Node (issue 16): what `check` and the build both use to word mermaid-syntax.
// Every diagram Lectern's own fixtures draw parses; broken ones get plain words and the line of
// the diagram where the mistake is, counted in the author's source (front matter included).
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMermaidFrom, mermaidNodeBundle, parseMermaid } from '../src/assets/mermaid-parse.js';
import { ensureBuilt } from './helpers/cli.js';
import { mermaidDiagnostic } from '../src/assets/diagram-check.js';

const here = import.meta.dirname;

/** Every ```mermaid block of the Markdown files in `dir`. */
function diagramsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!));
}

describe('parseMermaid', () => {
  it('accepts every diagram of the sample lessons and the diagram fixtures (flowcharts with labels included)', async () => {
    const diagrams = [...diagramsIn(join(here, '..', 'lessons', 'module-3-web-apis')), ...diagramsIn(join(here, 'e2e-diagrams'))];
    expect(diagrams.length).toBeGreaterThan(10);
    for (const code of diagrams) expect(await parseMermaid(code), code).toBeNull();
  }, 60_000);

  it('words broken diagrams plainly, at the line of the diagram that holds the mistake', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['graph TD\n    A[Start] --> B[Middle\n    B --> C[[[\n', 3, /^a shape or label is not closed: found "\[\[" where Mermaid expected "\]"/],
      ['graph TD\n  A --> B[Unclosed', 2, /^a shape or label is opened but never closed: Mermaid reached the end of the diagram still expecting "\]"/],
      ['sequenceDiagram\n  Alice->>John: Hello\n  John-->>Alice Great!', 3, /^the line ends too early where Mermaid expected a message after ":"$/],
      ['grph TD\n  A --> B', 1, /^the first line does not name a diagram type Mermaid knows/],
      ['pie title Pets\n  "Dogs" : many', 2, /^Mermaid cannot read "m" at this point of the line$/],
      // Front matter and comments count as lines of the author's diagram.
      ['---\ntitle: Flow\n---\n%% a comment\nflowchart TD\n  A --> B[\n', 6, /opened but never closed/],
    ];
    for (const [code, line, words] of cases) {
      const problem = await parseMermaid(code);
      expect(problem, code).not.toBeNull();
      expect(problem!.line, code).toBe(line);
      expect(problem!.message, code).toMatch(words);
      expect(problem!.message).not.toMatch(/Expecting|'[A-Z_]{2,}'|Parse error|->.<-/);
    }
  }, 60_000);

  // scripts/bundle.mjs makes Mermaid one file for Node (it loads in a third of the time). Mermaid
  // sanitises labels with DOMPurify, which in Node needs a stand-in `sanitize`: given to another
  // instance than the one inside the bundle, every flowchart with a label throws a TypeError, which
  // parseMermaid would take for an accepted diagram.
  it('parses from the one-file bundle the build makes, as from node_modules: labels, errors and their lines', async () => {
    ensureBuilt();
    const bundled = mermaidNodeBundle();
    expect(existsSync(bundled), bundled).toBe(true);
    const labelled = 'flowchart TD\n  A["Start <b>here</b>"] -->|yes| B{Decide}\n  B --> C[(Store)]\n  subgraph S [Side]\n    D --> E\n  end';
    for (const source of [bundled, null]) {
      const mermaid = await loadMermaidFrom(source);
      await expect(mermaid.parse(labelled), String(source)).resolves.toBeTruthy();
      await expect(mermaid.parse('sequenceDiagram\n  Alice->>John: Hello\n  John-->>Alice Great!'), String(source)).rejects.toThrow(/line 3/);
    }
  }, 60_000);

  it('gives the lesson line: the fence line plus the line inside the diagram', () => {
    expect(mermaidDiagnostic({ title: 'Flow', line: 40 }, { message: 'the diagram ends too early', line: 3 })).toEqual({
      severity: 'error',
      rule: 'mermaid-syntax',
      message: 'Diagram "Flow" does not parse at line 43 (line 3 of the diagram): the diagram ends too early',
      line: 43,
      column: 1,
    });
  });
});
