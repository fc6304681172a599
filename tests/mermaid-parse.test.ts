// Mermaid's parser in Node (issue 16): what `check` and the build both use to word mermaid-syntax.
// Every diagram Lectern's own fixtures draw parses; broken ones get plain words and the line of
// the diagram where the mistake is, counted in the author's source (front matter included).
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadMermaidFrom, mermaidNodeBundle, parseMermaid, type MermaidApi } from '../src/assets/mermaid-parse.js';
import { markdownFiles } from './helpers/markdown-files.js';
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

  // The bundle copies Mermaid's configuration with plain assignment instead of defining every key
  // (scripts/bundle.mjs, `plainConfigCopies`: half of a diagram's parse). The copies and the verdicts
  // must be those of Mermaid's own modules, `__proto__` keys included.
  it('copies the configuration as Mermaid’s own modules do, and judges every diagram of the tests and lessons the same', async () => {
    ensureBuilt();
    const folder = dirname(mermaidNodeBundle());
    expect(readdirSync(folder).filter((name) => name.endsWith('.js')).some((name) => /else dst\[key\] ?= ?/.test(readFileSync(join(folder, name), 'utf8')))).toBe(true);
    type Api = MermaidApi & { mermaidAPI: { getConfig(): Record<string, unknown> } };
    const bundled = (await loadMermaidFrom(mermaidNodeBundle())) as Api;
    const own = (await loadMermaidFrom(null)) as Api;
    // Functions are each instance's own: compared by kind only. Key order and own `__proto__` keys count.
    const shape = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === 'function' ? 'a function' : item));
    const config = JSON.parse('{"startOnLoad": false, "securityLevel": "strict", "flowchart": {"curve": "basis", "padding": 3}, "themeVariables": {"primaryColor": "#ff0000"}, "sequence": {"wrap": true}, "__proto__": {"polluted": 1}, "gantt": {"topAxis": true}}') as Record<string, unknown>;
    for (const mermaid of [bundled, own]) mermaid.initialize(config);
    const copies = [bundled.mermaidAPI.getConfig(), own.mermaidAPI.getConfig()];
    expect(Object.keys(copies[0]!).length).toBeGreaterThan(40);
    expect(Object.keys(copies[0]!)).toContain('__proto__');
    expect(shape(copies[0])).toBe(shape(copies[1]));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Every read is a copy of its own.
    (copies[0]!.flowchart as Record<string, unknown>).curve = 'linear';
    expect((bundled.mermaidAPI.getConfig().flowchart as Record<string, unknown>).curve).toBe('basis');

    const diagrams = [...markdownFiles(join(here)), ...markdownFiles(join(here, '..', 'lessons'))]
      .flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/```mermaid\r?\n([\s\S]*?)```/g)].map((match) => match[1]!));
    expect(diagrams.length).toBeGreaterThan(30);
    // And the other diagram types, each well formed and broken.
    const kinds = [
      'classDiagram\n  class Animal {\n    +String name\n    +eat() void\n  }\n  Animal <|-- Duck',
      'stateDiagram-v2\n  [*] --> Still\n  Still --> Moving: push\n  Moving --> [*]',
      'erDiagram\n  CUSTOMER ||--o{ ORDER : places\n  ORDER ||--|{ LINE-ITEM : contains',
      'gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section A\n  Task one :a1, 2024-01-01, 3d\n  Task two :after a1, 2d',
      'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85',
      'journey\n  title My day\n  section Work\n    Make tea: 5: Me',
      'gitGraph\n  commit\n  branch develop\n  checkout develop\n  commit\n  checkout main\n  merge develop',
      'mindmap\n  root((Course))\n    Lessons\n    Labs',
      'timeline\n  title History\n  2002 : LinkedIn\n  2004 : Facebook',
      'sequenceDiagram\n  participant A as Alice\n  A->>+B: Hi\n  B-->>-A: Hello\n  Note over A,B: wrap: a long note',
    ];
    diagrams.push(...kinds, ...kinds.map((code) => `${code}\n  ]]] -->`), 'flowchart LR\n  A -- text --> B((circle)) & C>flag]\n  click A "https://example.org"');
    const verdict = async (mermaid: Api, code: string) => mermaid.parse(code).then(() => 'accepted', (error: unknown) => String(error instanceof Error ? error.message : error));
    for (const mermaid of [bundled, own]) mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    for (const code of diagrams) expect(await verdict(bundled, code), code).toBe(await verdict(own, code));
  }, 120_000);

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
