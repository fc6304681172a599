// The lookups the packs are read through (src/languages/tables.ts, registry.ts, aliases.ts,
// snippet-facts.ts, starters.ts, goals.ts, commands.ts, file-kinds.ts), written out for the built-in
// packs and for fixture packs registered here: which languages the detector scores, what a label
// covers, how label flags combine, how a fence info string normalises, and what the small helpers
// the packs share return at their edges (README › Mutation testing).
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeLanguage } from '../../src/languages/aliases.js';
import { commandTool } from '../../src/languages/commands.js';
import { detectLanguage } from '../../src/languages/detect.js';
import { fileKind } from '../../src/languages/file-kinds.js';
import { goalFor } from '../../src/languages/goals.js';
import type { LanguagePack } from '../../src/languages/pack.js';
import { languagePacks, registerLanguage } from '../../src/languages/registry.js';
import { keyValueShaped, yamlBonus, yamlShare, type SnippetFacts } from '../../src/languages/snippet-facts.js';
import { commentPrefix, starterCode } from '../../src/languages/starters.js';
import {
  coveredBy, isConventionalFileName, isModelled, kindsOf, knownExtensions, labelTraits, lintAccepted, packOf,
} from '../../src/languages/tables.js';
import type { Example } from '../../src/model/lesson.js';

const unregister: Array<() => void> = [];
afterEach(() => {
  while (unregister.length > 0) unregister.pop()!();
});

describe('the tables built from the registered packs', () => {
  it('model a language with per-line signals (Python) or a whole-snippet scorer (YAML), not one with neither (Kotlin)', () => {
    expect(['python', 'yaml', 'kotlin', 'swift'].map((language) => isModelled(language))).toEqual([true, true, false, false]);
  });

  it('list what a label covers, and nothing for a label that covers nothing', () => {
    expect(coveredBy('typescript')).toEqual(['javascript', 'json']);
    expect(coveredBy('cpp')).toEqual(['c']);
    expect(coveredBy('yaml')).toBeUndefined();
    expect(lintAccepted('typescript')).toEqual(['javascript', 'json']);
    expect(lintAccepted('tsx')).toEqual(['javascript', 'typescript', 'jsx']);
    expect(lintAccepted('yaml')).toEqual(['json']);
    expect(lintAccepted('python')).toEqual([]);
  });

  it('know every extension, in registry order', () => {
    expect(knownExtensions()).toEqual([
      'yml', 'yaml', 'json', 'toml', 'conf', 'ini', 'cfg', 'properties', 'env', 'sh', 'bash', 'py', 'sql', 'js', 'mjs', 'cjs', 'jsx',
      'ts', 'tsx', 'tf', 'tfvars', 'hcl', 'html', 'xml', 'css', 'go', 'java', 'rs', 'c', 'h', 'cpp', 'rb', 'ps1', 'md', 'txt',
    ]);
  });

  it('keep a language’s own pack apart from the file kinds written in it', () => {
    expect(packOf('yaml')?.kind).toBe('yaml');
    expect(packOf(null)).toBeUndefined();
    expect(kindsOf('yaml').map((pack) => pack.kind)).toEqual(['compose', 'kubernetes', 'openapi', 'workflow', 'playbook']);
    expect(kindsOf('python')).toEqual([]);
    expect(isConventionalFileName('Dockerfile')).toBe(true);
    expect(isConventionalFileName('app.py')).toBe(false);
  });

  it('combine a pack’s flags with those of a non-code label', () => {
    const traits = Object.fromEntries(['console', 'output', 'markdown', 'bash', 'source', 'python'].map((label) => [label, labelTraits(label)]));
    expect(traits).toEqual({
      // A pack that names no file (a terminal transcript is typed, so it is no task either).
      console: { opaque: true, noFileName: true, noTask: true, unspecific: false, typed: true },
      // A non-code label that names no file.
      output: { opaque: true, noFileName: true, noTask: true, unspecific: false, typed: false },
      // A pack that is never a task, though not typed.
      markdown: { opaque: true, noFileName: false, noTask: true, unspecific: false, typed: false },
      // Typed at a prompt, hence never a task.
      bash: { opaque: false, noFileName: false, noTask: true, unspecific: false, typed: true },
      // A non-code label that is never a task.
      source: { opaque: false, noFileName: false, noTask: true, unspecific: true, typed: false },
      python: { opaque: false, noFileName: false, noTask: false, unspecific: false, typed: false },
    });
  });
});

describe('registering a pack', () => {
  const lua: LanguagePack = { kind: 'lua', extensions: ['lua'], comment: '--' };
  const luau: LanguagePack = { kind: 'luau', extensions: ['luau'], comment: '--' };

  it('refuses a pack whose kind is taken, and takes one without aliases', () => {
    expect(() => registerLanguage({ kind: 'python' })).toThrow('Cannot register language pack "python": the label "python" belongs to another pack');
    expect(() => registerLanguage({ kind: 'lua2', aliases: ['py'] })).toThrow('the label "py" belongs to another pack');
    unregister.push(registerLanguage(lua));
    expect(knownExtensions().at(-1)).toBe('lua');
  });

  it('rebuilds the tables on every change, however the changes interleave', () => {
    const removeLua = registerLanguage(lua);
    expect(knownExtensions().at(-1)).toBe('lua');
    removeLua();
    unregister.push(registerLanguage(luau));
    expect(knownExtensions().slice(-2)).toEqual(['txt', 'luau']);
  });

  it('removes its own pack once: calling the remover again removes nothing else', () => {
    const before = languagePacks().map((pack) => pack.kind);
    const removeLua = registerLanguage(lua);
    removeLua();
    removeLua();
    expect(languagePacks().map((pack) => pack.kind)).toEqual(before);
    expect(knownExtensions().at(-1)).toBe('txt');
  });
});

describe('normalizeLanguage', () => {
  it.each([
    ['  python  ', 'python'],
    ['{=html}', null],
    ['docker-compose.yml', 'docker-compose.yml'],
    ['bash...', 'bash'],
    ['python.', 'python'],
    ['clang-format', 'clang-format'],
    ['language-python', 'python'],
    ['lang-', 'lang-'],
  ])('%j → %j', (info, language) => {
    expect(normalizeLanguage(info)).toBe(language);
  });
});

const facts = (significant: number, yamlLines: number, kv: Partial<SnippetFacts['kv']> = {}): SnippetFacts => ({
  code: '',
  significant,
  prompts: 0,
  docker: { lines: 0, kinds: new Set() },
  yaml: { lines: yamlLines, topKeys: new Set(['services']), nestedKeys: new Set(), kinds: [] },
  kv: { sections: 0, arrayTables: 0, dottedSections: 0, lines: 0, tomlValues: 0, iniValues: 0, neutral: 0, ...kv },
  markupLines: 0,
  jsonKeyLines: 0,
});

describe('the helpers packs score with', () => {
  it('yamlShare: the share of YAML lines, 0 for a snippet without significant lines', () => {
    expect(yamlShare(facts(4, 3))).toBe(0.75);
    expect(yamlShare(facts(4, 0))).toBe(0);
    expect(yamlShare(facts(0, 0))).toBe(0);
  });

  it('yamlBonus: points when half the lines or more are YAML and the keys fit', () => {
    const bonus = (f: SnippetFacts, fits: boolean) => {
      const scores = new Map([['yaml', 1]]);
      yamlBonus(6, () => fits)(f, scores);
      return scores.get('yaml');
    };
    expect([bonus(facts(4, 2), true), bonus(facts(5, 2), true), bonus(facts(4, 4), false)]).toEqual([7, 1, 1]);
  });

  it('keyValueShaped: a section, and key/value lines making up 80 % of the snippet or more', () => {
    expect(keyValueShaped(facts(5, 0, { sections: 1, lines: 4 }))).toBe(true);
    expect(keyValueShaped(facts(5, 0, { arrayTables: 1, lines: 5 }))).toBe(true);
    expect(keyValueShaped(facts(5, 0, { sections: 1, lines: 3 }))).toBe(false);
    expect(keyValueShaped(facts(5, 0, { lines: 5 }))).toBe(false);
    expect(keyValueShaped(facts(0, 0, { sections: 1, lines: 1 }))).toBe(false);
  });
});

describe('starters of languages without a pack, and line endings', () => {
  it('comment with `#` when no pack names a comment', () => {
    expect(commentPrefix('lua')).toBe('#');
    expect(commentPrefix(null)).toBe('#');
    expect(starterCode('local x = 1\nprint(x)', 'lua')).toBe('# TODO: complete this line');
  });

  it('reads CRLF and CR line endings as LF and drops trailing blank lines', () => {
    expect(starterCode('import os\r\nprint(os.getcwd())\r\n\r\n', 'python')).toBe(starterCode('import os\nprint(os.getcwd())', 'python'));
    expect(starterCode('import os\rprint(os.getcwd())', 'python')).toBe(starterCode('import os\nprint(os.getcwd())', 'python'));
    expect(starterCode('[server]\nport = 8080\n\n\n', 'ini')).toBe(starterCode('[server]\nport = 8080', 'ini'));
  });
});

describe('goals and tools', () => {
  it('a file kind without a summary is written “shown in” its example', () => {
    const example = { title: 'Release notes', code: 'v1.2: faster builds' } as Example;
    expect(goalFor('other', 'NOTES.txt', example)).toBe('Write the file `NOTES.txt` shown in “Release notes”.');
  });

  it('commandTool names the tool a command needs, or nothing', () => {
    expect(commandTool('docker compose up -d')).toBe('Docker with Compose v2');
    expect(commandTool('ls -la')).toBeUndefined();
  });
});

describe('fileKind', () => {
  const composeFile = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"';

  it('names a Compose file by its content, whatever the name on the sheet', () => {
    expect(fileKind('stack.yml', 'yaml', composeFile)).toBe('compose');
    expect(fileKind('stack.yml', 'yaml', 'name: demo')).toBe('yaml');
  });

  it('is `other` for a language without a pack', () => {
    expect(fileKind('init.lua', 'lua', 'print("hi")')).toBe('other');
  });

  it('hands a plugin kind `""` as the guessed name when its language suggests none, and skips a kind without `matches`', () => {
    const seen: string[] = [];
    const lab = { label: 'Gradle script', steps: [], mistakes: [], watch: [] };
    unregister.push(registerLanguage({ kind: 'gradle-settings', language: 'kotlin', lab }));
    unregister.push(registerLanguage({
      kind: 'gradle-build',
      language: 'kotlin',
      lab,
      matches: (_name, _code, guessed) => {
        seen.push(guessed());
        return false;
      },
    }));
    expect(fileKind('build.gradle.kts', 'kotlin', 'plugins { kotlin("jvm") }')).toBe('other');
    expect(seen).toEqual(['']);
  });
});

describe('detection with a registered pack', () => {
  it('a pack registered after the built-in ones is scored', () => {
    unregister.push(registerLanguage({ kind: 'lua', signals: [{ lang: 'lua', re: /^local\s+\w+\s*=/, weight: 3 }] }));
    expect(detectLanguage('local x = 1\nlocal y = 2', null)).toBe('lua');
  });
});
