/**
 * What the detector's one pass over a snippet gathers besides per-line scores: the structure of the
 * line-oriented formats (Dockerfile instructions, YAML keys, INI/TOML sections), read once and handed
 * to each pack's `score`.
 */

export interface SnippetFacts {
  /** The snippet, trimmed. */
  code: string;
  /** Non-blank, non-comment lines examined. */
  significant: number;
  /** Lines that were shell prompts (`$ cmd`). */
  prompts: number;
  docker: { lines: number; kinds: Set<string> };
  yaml: { lines: number; topKeys: Set<string>; nestedKeys: Set<string>; kinds: string[] };
  kv: { sections: number; arrayTables: number; dottedSections: number; lines: number; tomlValues: number; iniValues: number; neutral: number };
  /** Lines starting with a tag (`<div>`, `</a>`, `<?xml`). */
  markupLines: number;
  /** Lines starting with a quoted key (`"name":`). */
  jsonKeyLines: number;
}

/** Adds points to a language's score. */
export function addScore(scores: Map<string, number>, lang: string, points: number): void {
  scores.set(lang, (scores.get(lang) ?? 0) + points);
}

/** Share of significant lines that were YAML keys or list items (0 when there are none). */
export function yamlShare(facts: SnippetFacts): number {
  return facts.significant > 0 ? facts.yaml.lines / facts.significant : 0;
}

/**
 * The scorer of a file kind written in YAML: `points` more for YAML when the snippet is mostly YAML
 * (half its lines or more) and its keys `fit` the kind (`apiVersion` and `kind` for Kubernetes).
 */
export function yamlBonus(points: number, fits: (yaml: SnippetFacts['yaml']) => boolean) {
  return (facts: SnippetFacts, scores: Map<string, number>): void => {
    if (yamlShare(facts) >= 0.5 && fits(facts.yaml)) addScore(scores, 'yaml', points);
  };
}

/** True when a snippet is INI/TOML-shaped: a section header, and key/value lines making up most of it. */
export function keyValueShaped(facts: SnippetFacts): boolean {
  const { kv, significant } = facts;
  return kv.sections + kv.arrayTables > 0 && significant > 0 && kv.lines / significant >= 0.8;
}
