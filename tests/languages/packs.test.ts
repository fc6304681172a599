import { describe, expect, it } from 'vitest';
import { detectLanguage, inferFileName, normalizeLanguage, registerLanguage } from '../../src/languages/index.js';
import { languagePacks } from '../../src/languages/registry.js';
import { languageOf } from '../../src/languages/tables.js';
import { checkFor, fileKind } from '../../src/languages/file-kinds.js';
import { starterCode } from '../../src/languages/starters.js';
import { SNIPPETS } from './pack-snippets.js';

// One table-driven suite that runs per registered pack: a new pack gets the same checks by being listed.
const packs = languagePacks().slice();
const hasDetector = (pack: (typeof packs)[number]) => Boolean(pack.signals?.length || pack.score);

describe.each(packs.map((pack) => [pack.kind, pack] as const))('language pack %s', (kind, pack) => {
  const language = languageOf(pack);
  const snippet = SNIPPETS[kind];

  it('its aliases (and its own name) normalise to its language', () => {
    for (const alias of pack.aliases ?? []) expect(normalizeLanguage(alias), alias).toBe(language);
    for (const alias of pack.aliases ?? []) expect(normalizeLanguage(`{.${alias.toUpperCase()}}`), alias).toBe(language);
    if (pack.language === undefined) expect(normalizeLanguage(kind)).toBe(kind);
  });

  it.runIf(hasDetector(pack))('recognises its typical snippet, and no other pack’s snippet as its language', () => {
    expect(snippet, `tests/languages/pack-snippets.ts needs a snippet for ${kind}`).toBeDefined();
    expect(detectLanguage(snippet!, null)).toBe(language);
    const others = Object.entries(SNIPPETS).filter(([other]) => languageOf(packs.find((p) => p.kind === other)!) !== language);
    expect(others.length).toBeGreaterThan(10);
    for (const [other, code] of others) expect(detectLanguage(code, null), `${other}'s snippet`).not.toBe(language);
  });

  it.runIf(pack.language !== undefined)('claims its snippet among the file kinds of its language', () => {
    const fileName = inferFileName(snippet!, language)!;
    expect(fileKind(fileName, language, snippet!)).toBe(kind);
    expect(fileKind('config.yaml', language, SNIPPETS.yaml!)).toBe('yaml');
  });

  it.runIf(pack.opaque === true)('keeps its label whatever the content looks like', () => {
    expect(detectLanguage(SNIPPETS.python!, kind)).toBe(kind);
    expect(detectLanguage(SNIPPETS.python!, null)).toBe('python');
  });

  it.runIf(pack.noFileName === true)('never suggests a file name', () => {
    expect(inferFileName('echo hi\nls -l', kind, 'script.sh')).toBeNull();
  });

  it.runIf(pack.language === undefined && !pack.opaque)('makes a starter with TODO lines in its comment syntax', () => {
    const code = snippet ?? 'first line\nsecond line';
    const starter = starterCode(code, language);
    expect(starter).not.toBe(code);
    const todos = starter.split('\n').filter((line) => line.includes('TODO'));
    expect(todos.length).toBeGreaterThan(0);
    // JSON has no comments: its values become "TODO"; every other language writes TODO comments.
    if (language !== 'json') for (const line of todos) expect(line.trim().startsWith(`${pack.comment ?? '#'} TODO:`), line).toBe(true);
  });

  it.runIf(pack.lab?.check !== undefined)('sets the command that checks a learner’s file', () => {
    const fileName = inferFileName(snippet!, language)!;
    expect(fileName).toBeTruthy();
    const check = checkFor(fileKind(fileName, language, snippet!), fileName, snippet!);
    expect(check?.command).toMatch(/\S/);
    expect(check?.expected).toMatch(/\S/);
    expect(`${check?.command} ${check?.expected}`).not.toMatch(/undefined|null/);
  });
});

describe('the registry', () => {
  it('refuses a pack whose kind or alias another pack has', () => {
    expect(() => registerLanguage({ kind: 'python' })).toThrow(/python/);
    expect(() => registerLanguage({ kind: 'snake', aliases: ['py'] })).toThrow(/"py" belongs to another pack/);
    expect(normalizeLanguage('snake')).toBe('snake');
  });
  it('lists every language Lectern detected before packs existed, each with a snippet', () => {
    const modelled = packs.filter(hasDetector).map(languageOf);
    for (const language of ['bash', 'python', 'sql', 'javascript', 'typescript', 'hcl', 'nginx', 'html', 'xml', 'css', 'go', 'java', 'rust', 'c', 'cpp', 'ruby', 'powershell', 'dockerfile', 'yaml', 'json', 'ini', 'toml']) {
      expect(modelled).toContain(language);
    }
  });
});
