/**
 * Lookups derived from the registered packs (alias → language, extension → languages, …), rebuilt when
 * a pack is registered. Every lookup by a lesson-controlled key (fence label, file name) goes through a
 * Map, so `__proto__` or `constructor` finds nothing.
 */

import type { LabFacts, LanguagePack } from './pack.js';
import { languagePacks, registryVersion } from './registry.js';
import type { Signal } from './signals.js';
import { nonCode } from './non-code.js';

interface Tables {
  version: number;
  aliases: Map<string, string>;
  signals: Signal[];
  scorers: Array<NonNullable<LanguagePack['score']>>;
  modelled: Set<string>;
  covers: Map<string, string[]>;
  lintAccepts: Map<string, string[]>;
  extensions: Map<string, string[]>;
  baseNames: Map<string, string[]>;
  conventional: Set<string>;
  /** Each language's own pack. */
  own: Map<string, LanguagePack>;
  /** Each language's file kinds written in it (`yaml` → compose, kubernetes, …), in registry order. */
  kinds: Map<string, LanguagePack[]>;
  byKind: Map<string, LanguagePack>;
}

let cached: Tables | null = null;

/** The one empty list every missing optional list of a pack reads as. */
const NONE: readonly never[] = [];

function tables(): Tables {
  if (cached?.version === registryVersion()) return cached;
  const t: Tables = {
    version: registryVersion(), aliases: new Map(), signals: [], scorers: [], modelled: new Set(), covers: new Map(),
    lintAccepts: new Map(), extensions: new Map(), baseNames: new Map(), conventional: new Set(), own: new Map(), kinds: new Map(),
    byKind: new Map(),
  };
  for (const pack of languagePacks()) {
    const language = languageOf(pack);
    t.byKind.set(pack.kind, pack);
    if (pack.language === undefined) t.own.set(language, pack);
    else push(t.kinds, language, pack);
    for (const alias of pack.aliases ?? NONE) t.aliases.set(alias, language);
    t.signals.push(...(pack.signals ?? NONE));
    if (pack.score) t.scorers.push(pack.score);
    if (pack.signals?.length || pack.score) t.modelled.add(language);
    for (const covered of pack.covers ?? NONE) push(t.covers, language, covered);
    for (const accepted of [...(pack.covers ?? NONE), ...(pack.lintAccepts ?? NONE)]) push(t.lintAccepts, language, accepted);
    for (const extension of pack.extensions ?? NONE) push(t.extensions, extension, language);
    for (const name of pack.baseNames ?? NONE) push(t.baseNames, name, language);
    for (const name of pack.conventionalNames ?? NONE) t.conventional.add(name);
  }
  cached = t;
  return t;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  map.set(key, [...(map.get(key) ?? NONE), value]);
}

/** The fence language a pack's files are written in. */
export const languageOf = (pack: LanguagePack): string => pack.language ?? pack.kind;

/** The language a fence label names, after aliases (`yml` → `yaml`); the label itself when it is no alias. */
export const aliasTarget = (label: string): string => tables().aliases.get(label) ?? label;

/** Every per-line signal, pack by pack in registry order. */
export const lineSignals = (): readonly Signal[] => tables().signals;

/** Every pack's whole-snippet scorer, in registry order. */
export const snippetScorers = (): Tables['scorers'] => tables().scorers;

/** True when the detector can score this language (it has signals or a scorer). */
export const isModelled = (language: string): boolean => tables().modelled.has(language);

/** Languages whose code is also valid under this label (TypeScript → JavaScript, JSON). */
export const coveredBy = (label: string): readonly string[] | undefined => tables().covers.get(label);

/** Languages the `fence-language` lint accepts under this label besides the label itself. */
export const lintAccepted = (label: string): readonly string[] => tables().lintAccepts.get(label) ?? NONE;

/** Languages a file with this extension (no dot, lower-case) can hold, or undefined for an unknown extension. */
export const extensionLanguages = (extension: string): readonly string[] | undefined => tables().extensions.get(extension);

/** Every known extension, in registry order. */
export const knownExtensions = (): string[] => [...tables().extensions.keys()];

/** Languages an extensionless file name (lower-case, `dockerfile`) always holds, or undefined. */
export const baseNameLanguages = (name: string): readonly string[] | undefined => tables().baseNames.get(name);

/** True for a file name tools expect by that name (`Dockerfile`, `package.json`): guessing it invents nothing. */
export const isConventionalFileName = (name: string): boolean => tables().conventional.has(name);

/** The pack of a language (`yaml`), not of a file kind written in it. */
export const packOf = (language: string | null): LanguagePack | undefined => (language === null ? undefined : tables().own.get(language));

/** The packs of the file kinds written in a language (`yaml` → compose, kubernetes, …), in registry order. */
export const kindsOf = (language: string): readonly LanguagePack[] => tables().kinds.get(language) ?? NONE;

/** The pack with this kind, or undefined. */
export const packByKind = (kind: string): LanguagePack | undefined => tables().byKind.get(kind);

/** How a label is treated: its pack's flags, or those of a non-code label (`output`, `source`). */
export function labelTraits(label: string): { opaque: boolean; noFileName: boolean; noTask: boolean; unspecific: boolean; typed: boolean } {
  const pack = packOf(label);
  const other = nonCode(label);
  return {
    opaque: Boolean(pack?.opaque || other?.opaque),
    noFileName: Boolean(pack?.noFileName || other?.noFileName),
    noTask: Boolean(pack?.noTask || pack?.typed || other?.noTask),
    unspecific: Boolean(other?.unspecific),
    typed: Boolean(pack?.typed),
  };
}

/** Lab facts of a file kind; the generic ones for a kind without its own. */
export function labFacts(kind: string): LabFacts {
  return packByKind(kind)?.lab ?? OTHER;
}

const OTHER: LabFacts = { label: 'file', steps: [], mistakes: [], watch: ['Compare a learner\'s file with the solution line by line.'] };
