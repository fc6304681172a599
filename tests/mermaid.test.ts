import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserManager } from '../src/browser/manager.js';
import { DiagramCache, diagramKey } from '../src/assets/diagram-cache.js';
import { MermaidRenderer, mermaidBundle } from '../src/assets/mermaid.js';
import type { RenderedDiagram } from '../src/assets/mermaid.js';
import { runtimeScript } from '../src/assets/mermaid-page.js';
import type { PageGlobals } from '../src/assets/mermaid-page.js';
import { neutraliseConfig, sourceLine } from '../src/assets/mermaid-source.js';
import { diagramType } from '../src/assets/mermaid-type.js';
import { svgSize } from '../src/assets/mermaid-fit.js';

// Launching Chromium and loading Mermaid take seconds on a busy two-core CI box.
vi.setConfig({ testTimeout: 30_000 });

const seed = `graph TD
    A[Docker Client] --> B[Docker Daemon]
    B --> C[Container Runtime]
    B --> D[Image Management]
    C --> C1[Namespaces]`;

const scratch = mkdtempSync(join(tmpdir(), 'lectern-mermaid-test-'));

let manager: BrowserManager;
let renderer: MermaidRenderer;

beforeAll(() => {
  manager = new BrowserManager();
  renderer = new MermaidRenderer(manager);
});

afterAll(async () => {
  await renderer.dispose();
  await manager.close();
  rmSync(scratch, { recursive: true, force: true });
});

function svgOf(result: RenderedDiagram | undefined): string {
  expect(result?.error).toBeUndefined();
  expect(result?.svg).toMatch(/^<svg[\s>]/);
  return result?.svg as string;
}

/** The text a reader sees: labels are split into one <tspan> per word, so tags must go first. */
function textOf(svg: string): string {
  return svg.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, '');
}

/** Parses SVG text as XML in the browser; returns the parser's complaint, or '' when well-formed. */
async function xmlProblem(svg: string): Promise<string> {
  return manager.withPage((page) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return doc.querySelector('parsererror')?.textContent ?? '';
    }, svg),
  );
}

describe('MermaidRenderer', () => {
  it('renders the seed flowchart', async () => {
    const [result] = await renderer.render([{ id: 'seed', code: seed }]);
    const svg = svgOf(result);
    expect(result?.id).toBe('seed');
    expect(textOf(svg)).toContain('Docker Daemon');
    expect(svg).toContain('id="seed"');
    expect(svg).not.toContain('lectern-mermaid-');
    // Plain SVG text, so the diagram survives PDF export and standalone .svg files.
    expect(svg).not.toContain('foreignObject');
    expect(svg).toContain('DejaVu Sans');
  });

  it('renders ten diagrams of different kinds in one call, in order', async () => {
    const codes = [
      seed,
      'sequenceDiagram\n  Alice->>Bob: Hello Bob\n  Bob-->>Alice: Hi Alice',
      'classDiagram\n  Animal <|-- Duck\n  Animal : +int age',
      'stateDiagram-v2\n  [*] --> Still\n  Still --> Moving\n  Moving --> [*]',
      'erDiagram\n  CUSTOMER ||--o{ ORDER : places',
      'gantt\n  title Plan\n  dateFormat YYYY-MM-DD\n  section A\n  Task one :a1, 2024-01-01, 3d',
      'pie title Pets\n  "Dogs" : 386\n  "Cats" : 85',
      'journey\n  title My day\n  section Work\n    Write code: 5: Me',
      'gitGraph\n  commit\n  branch feature\n  commit\n  checkout main\n  merge feature',
      'mindmap\n  root((Lectern))\n    Decks\n    Handouts',
    ];
    const results = await renderer.render(codes.map((code, index) => ({ id: `kind-${index}`, code })));
    expect(results.map((result) => result.id)).toEqual(codes.map((_, index) => `kind-${index}`));
    for (const result of results) svgOf(result);
    expect(textOf(results[1]?.svg ?? '')).toContain('Hello Bob');
    expect(textOf(results[9]?.svg ?? '')).toContain('Handouts');
  });

  it('reports a broken diagram with its line, and still renders the rest of the batch', async () => {
    const broken = 'graph TD\n  A --> B\n  B --> ??? [[\n  B --> C';
    const results = await renderer.render([
      { id: 'before', code: seed },
      { id: 'broken', code: broken },
      { id: 'after', code: 'graph LR\n  X --> Y' },
    ]);
    svgOf(results[0]);
    svgOf(results[2]);
    expect(results[1]?.svg).toBeUndefined();
    expect(results[1]?.error?.line).toBe(3);
    expect(results[1]?.error?.message).toMatch(/^Parse error on line 3: Expecting /);
    expect(results[1]?.error?.message).not.toContain('\n');

    // The page stays usable, with no error graphics or scratch elements left behind.
    svgOf((await renderer.render([{ id: 'later', code: seed }]))[0]);
  });

  it('counts error lines in the diagram as written, past front matter, directives and comments', async () => {
    const code = '---\ntitle: Broken\n---\n%%{init: {"theme": "forest"}}%%\n%% a comment\n\ngraph TD\n  A --> B\n  B --> ??? [[\n';
    const [result] = await renderer.render([{ id: 'late', code }]);
    expect(result?.error?.line).toBe(9);
    expect(result?.error?.message).toContain('line 9');
  });

  it('gives unknown diagram kinds an error without a line', async () => {
    const [result] = await renderer.render([{ id: 'unknown', code: 'notADiagram\n  a --> b' }]);
    expect(result?.error?.message).toMatch(/No diagram type detected/);
    expect(result?.error?.line).toBeUndefined();
  });

  it.each([
    ['an init directive', '%%{init: {"securityLevel": "loose"}}%%\n'],
    ['an escaped key', '%%{init: {"securit\\u0079Level": "loose", "secure": []}}%%\n'],
    ['front matter', '---\nconfig:\n  securityLevel: loose\n---\n'],
  ])('stays strict when %s asks for loose security', async (_, preamble) => {
    const code = `${preamble}graph TD\n  A[Start] --> B[End]\n  click A href "javascript:alert(1)"\n  click B call alert(2)\n`;
    const [result] = await renderer.render([{ id: 'hostile', code }]);
    const svg = svgOf(result);
    expect(textOf(svg)).toContain('Start');
    expect(svg).not.toMatch(/javascript:/i);
    expect(svg).not.toMatch(/\son[a-z]+=/i);
    expect(svg).not.toMatch(/<script/i);
  });

  it('renders a sequence diagram and a stateDiagram-v2', async () => {
    const [sequence, state] = await renderer.render([
      { id: 'sequence', code: 'sequenceDiagram\n  participant C as Client\n  C->>D: docker run\n  D-->>C: container id' },
      { id: 'state', code: 'stateDiagram-v2\n  [*] --> Created\n  Created --> Running: start\n  Running --> Exited: stop\n  Exited --> [*]' },
    ]);
    expect(textOf(svgOf(sequence))).toContain('docker run');
    expect(textOf(svgOf(state))).toContain('Running');
  });

  it('emits well-formed XML even for labels with <br> and entities', async () => {
    const [result] = await renderer.render([{ id: 'xml', code: 'graph LR\n  A["one<br>two"] --> B["fish &amp; chips #nbsp; x"]' }]);
    expect(await xmlProblem(svgOf(result))).toBe('');
  });

  it('renders the same code under different ids once each, each id applied throughout', async () => {
    const [first, second] = await renderer.render([
      { id: 'twin-a', code: seed },
      { id: 'twin-b', code: seed },
    ]);
    expect(svgOf(second)).toBe(svgOf(first).split('twin-a').join('twin-b'));
    expect(second?.svg).not.toContain('twin-a');
  });

  it('rejects ids that cannot be an SVG id, and duplicates', async () => {
    await expect(renderer.render([{ id: '1st', code: seed }])).rejects.toThrow(TypeError);
    await expect(renderer.render([{ id: 'a b', code: seed }])).rejects.toThrow(TypeError);
    await expect(
      renderer.render([
        { id: 'same', code: seed },
        { id: 'same', code: seed },
      ]),
    ).rejects.toThrow(/unique/);
  });
});

describe('measuring a rendered diagram', () => {
  it('records the height of its smallest words, which a larger font raises', async () => {
    const [plain, larger] = await renderer.render([
      { id: 'plain', code: seed },
      { id: 'larger', code: `%%{init: {"themeVariables": {"fontSize": "32px"}}}%%\n${seed}` },
    ]);
    const small = svgSize(svgOf(plain));
    const big = svgSize(svgOf(larger));
    // DejaVu Sans at 16 px: ascent plus descent, about 18.6 px.
    expect(small?.text).toBeGreaterThan(16);
    expect(small?.text).toBeLessThan(21);
    expect(big!.text).toBeGreaterThan(small!.text * 1.6);
  });

  it('widens a viewBox that would cut words off (a pie with a long legend), and keeps words as text', async () => {
    const slices = Array.from({ length: 40 }, (_, i) => `  "Slice ${i + 1}" : ${i + 1}`).join('\n');
    const [pie, timeline] = await renderer.render([
      { id: 'pie', code: `pie title Many\n${slices}` },
      { id: 'timeline', code: 'timeline\n  2008 : LXC released\n  2013 : Docker released' },
    ]);
    const svg = svgOf(pie);
    const size = svgSize(svg)!;
    const [x, y] = (/viewBox="([-\d.]+) ([-\d.]+)/.exec(svg) ?? []).slice(1).map(Number) as [number, number];
    // Mermaid centres the 40-entry legend on its own 450-unit-high box, past its top and bottom.
    expect(size.height).toBeGreaterThan(600);
    expect(y).toBeLessThan(0);
    expect(x).toBeLessThanOrEqual(0);
    // Filters make Chromium print an element as a picture; they are switched off.
    expect(svgOf(timeline)).toContain('#timeline *, #timeline { filter: none !important; }');
  });
});

describe('lecternSanitizeSvg, in the browser', () => {
  it('removes scripts, handlers, javascript: links and link-rewriting animations', async () => {
    const dirty = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(0)">
      <script>alert(1)</script>
      <a href="javascript:alert(2)"><text onclick="alert(3)">kept text</text></a>
      <a xlink:href=" java&#9;script:alert(4)"><text>second</text></a>
      <a href="#local"><set attributeName="href" to="javascript:alert(5)"/><text>third</text></a>
      <foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onmouseover="alert(6)"><iframe src="https://example.com"></iframe>html</div></foreignObject>
      <image href="data:text/html;base64,PHNjcmlwdD4="/>
      <image href="data:image/png;base64,AAAA"/>
      <style>.a { fill: red; }</style>
    </svg>`;
    const clean = await manager.withPage(async (page) => {
      await page.addScriptTag({ content: runtimeScript() });
      return page.evaluate((svg) => (globalThis as unknown as PageGlobals).lecternSanitizeSvg(svg), dirty);
    });
    expect(clean).not.toMatch(/javascript|script>|<script|\son[a-z]+=|<iframe|<set|data:text/i);
    for (const kept of ['kept text', 'second', 'third', 'html', 'data:image/png;base64,AAAA', 'fill: red', 'href="#local"']) {
      expect(clean).toContain(kept);
    }
    expect(await xmlProblem(clean)).toBe('');
  });
});

describe('diagram cache', () => {
  it('does not launch Chromium for an empty batch', async () => {
    const idle = new BrowserManager();
    expect(await new MermaidRenderer(idle).render([])).toEqual([]);
    expect(idle.launched).toBe(false);
  });

  it('serves a fully cached batch without launching Chromium', async () => {
    const dir = join(scratch, 'cache');
    const codes = [seed, 'sequenceDiagram\n  A->>B: cached'];
    const warm = new MermaidRenderer(manager, { cache: new DiagramCache(dir) });
    const first = await warm.render(codes.map((code, index) => ({ id: `first-${index}`, code })));
    await warm.dispose();
    expect(first.every((result) => result.svg && !result.cached)).toBe(true);
    expect(readdirSync(dir).sort()).toHaveLength(2);

    const cold = new BrowserManager();
    const cachedRenderer = new MermaidRenderer(cold, { cache: new DiagramCache(dir) });
    const again = await cachedRenderer.render(codes.map((code, index) => ({ id: `again-${index}`, code })));
    expect(cold.launched).toBe(false);
    expect(again.map((result) => result.cached)).toEqual([true, true]);
    again.forEach((result, index) => {
      expect(result.svg).toBe(first[index]?.svg?.split(`first-${index}`).join(`again-${index}`));
    });
    await cachedRenderer.dispose();
    await cold.close();
  });

  it('misses when the theme changes', async () => {
    const dir = join(scratch, 'cache');
    const cold = new BrowserManager({ executablePath: '' });
    const dark = new MermaidRenderer(cold, { cache: new DiagramCache(dir), theme: 'dark' });
    // A miss needs Chromium, which this manager cannot start: that proves the cache was not used.
    await expect(dark.render([{ id: 'dark', code: seed }])).rejects.toThrow(/none found/);
  });

  it('writes atomically and leaves no temporary files', async () => {
    const cache = new DiagramCache(join(scratch, 'atomic'));
    const key = diagramKey('graph TD\n A', '11.0.0', {});
    expect(await cache.get(key)).toBeNull();
    await Promise.all([cache.set(key, '<svg>1</svg>'), cache.set(key, '<svg>2</svg>')]);
    expect(['<svg>1</svg>', '<svg>2</svg>']).toContain(await cache.get(key));
    expect(readdirSync(join(scratch, 'atomic'))).toEqual([`${key}.svg`]);
    await expect(cache.get('../escape')).rejects.toThrow(TypeError);
  });

  it('keys on code, Mermaid version and theme config, not on key order', () => {
    const key = diagramKey(seed, '11.17.2', { theme: 'default', fontFamily: 'DejaVu Sans' });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(diagramKey(seed, '11.17.2', { fontFamily: 'DejaVu Sans', theme: 'default' })).toBe(key);
    expect(diagramKey(`${seed}\n`, '11.17.2', { theme: 'default', fontFamily: 'DejaVu Sans' })).not.toBe(key);
    expect(diagramKey(seed, '11.18.0', { theme: 'default', fontFamily: 'DejaVu Sans' })).not.toBe(key);
    expect(diagramKey(seed, '11.17.2', { theme: 'dark', fontFamily: 'DejaVu Sans' })).not.toBe(key);
  });
});

describe('diagramType', () => {
  it.each([
    ['graph TD\n  A --> B', 'flowchart'],
    ['graph TD;\n  A --> B', 'flowchart'],
    ['flowchart LR\n  A --> B', 'flowchart'],
    ['flowchart-elk TB\n  A --> B', 'flowchart'],
    ['sequenceDiagram\n  A->>B: hi', 'sequence'],
    ['classDiagram\n  A <|-- B', 'class'],
    ['classDiagram-v2\n  A <|-- B', 'class'],
    ['stateDiagram\n  [*] --> A', 'state'],
    ['stateDiagram-v2\n  [*] --> A', 'state'],
    ['erDiagram\n  A ||--o{ B : has', 'er'],
    ['gantt\n  title T', 'gantt'],
    ['pie title Pets\n  "Dogs" : 1', 'pie'],
    ['mindmap\n  root', 'mindmap'],
    ['journey\n  title T', 'journey'],
    ['gitGraph\n  commit', 'git'],
    ['gitGraph:\n  commit', 'git'],
    ['timeline\n  title T', 'timeline'],
    ['quadrantChart\n  title T', 'quadrant'],
    ['requirementDiagram\n  requirement r {\n  }', 'requirement'],
    ['C4Context\n  title T', 'c4'],
    ['C4Container\n  title T', 'c4'],
    ['sankey-beta\n  a,b,1', 'sankey'],
    ['xychart-beta\n  title T', 'xychart'],
    ['block-beta\n  a b', 'block'],
    ['packet-beta\n  0-15: "Port"', 'packet'],
    ['architecture-beta\n  service s(server)[S]', 'architecture'],
    ['kanban\n  Todo', 'kanban'],
    ['radar-beta\n  axis a', 'radar'],
    ['%% a comment\n\n  sequenceDiagram\n  A->>B: hi', 'sequence'],
    ['%%{init: {"theme": "dark"}}%%\nstateDiagram-v2\n  [*] --> A', 'state'],
    ['%%{\n  init: {\n    "theme": "dark"\n  }\n}%%\nerDiagram\n  A ||--o{ B : has', 'er'],
    ['---\ntitle: Flow\nconfig:\n  theme: forest\n---\nflowchart TD\n  A --> B', 'flowchart'],
    ['somethingNew\n  a', 'somethingNew'],
    ['', 'unknown'],
    ['  \n%% only a comment\n', 'unknown'],
  ])('%j → %s', (code, kind) => {
    expect(diagramType(code)).toBe(kind);
  });
});

describe('Mermaid source helpers', () => {
  it('defuses secure keys in directives and front matter, keeping lines', () => {
    const code = '---\nconfig:\n  securityLevel: loose\n  theme: dark\n---\n%%{init: {"securityLevel":"loose", \'secure\': []}}%%\ngraph TD\n  A[securityLevel: loose] --> B';
    const out = neutraliseConfig(code);
    expect(out.split('\n')).toHaveLength(code.split('\n').length);
    expect(out).toContain('lectern-blocked-securityLevel: loose\n  theme: dark');
    expect(out).toContain('{"lectern-blocked-securityLevel":"loose", \'lectern-blocked-secure\': []}');
    // Diagram text is left alone.
    expect(out).toContain('A[securityLevel: loose]');
  });

  it.each([
    ['graph TD\n  A --> B\n  B --> ???', 3, 3],
    ['---\ntitle: T\n---\ngraph TD\n  A --> ???', 2, 5],
    ['%%{init: {"theme": "dark"}}%%\ngraph TD\n  A --> ???', 2, 3],
    ['%%{init: {\n  "theme": "dark"\n}}%%\ngraph TD\n  A --> ???', 2, 5],
    ['%% one\n%% two\ngraph TD\n  A --> ???', 2, 4],
    ['graph TD\n  A --> B\n  B --> [[\n', 5, 3],
  ])('maps reported lines back to the source: %j line %i → %i', (code, reported, expected) => {
    expect(sourceLine(code, reported)).toBe(expected);
  });

  it('finds the Mermaid bundle it injects', () => {
    const { version, bundlePath } = mermaidBundle();
    expect(version).toMatch(/^11\./);
    expect(bundlePath).toMatch(/mermaid[\\/]dist[\\/]mermaid\.min\.js$/);
  });
});
