// Code on slides splits at structural boundaries and fills each slide before starting the next
// (issue #16): a Deployment + Service manifest splits at the `---` between its documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODE_BUDGET, splitCode } from '../src/plan/deck-split.js';
import { root } from './helpers/render.js';

const manifest = readFileSync(join(root, 'tests/fixtures/code-split/deployment-service.yaml'), 'utf8');

describe('splitCode', () => {
  it('splits the 36-line two-document YAML at `---`, each part at least 70 % full or last', () => {
    expect(manifest.trimEnd().split('\n')).toHaveLength(36);
    const parts = splitCode(manifest, CODE_BUDGET);
    expect(parts.join('\n')).toBe(manifest.trimEnd());
    expect(parts.some((part) => part.startsWith('---\napiVersion: v1\nkind: Service'))).toBe(true);
    parts.forEach((part, index) => {
      const lines = part.split('\n').length;
      expect(lines).toBeLessThanOrEqual(CODE_BUDGET);
      if (index < parts.length - 1) expect(lines / CODE_BUDGET).toBeGreaterThanOrEqual(0.7);
    });
    // No part starts in the middle of a nested block deeper than the one it cuts.
    for (const part of parts.slice(1)) expect(/^\s*/.exec(part)![0].length).toBeLessThanOrEqual(4);
  });

  it('fills a slide before splitting and keeps short code whole', () => {
    const code = Array.from({ length: CODE_BUDGET }, (_, i) => `line ${i}`).join('\n');
    expect(splitCode(code)).toEqual([code]);
  });

  it('cuts at a blank line between blocks rather than inside a function', () => {
    const fn = (name: string) => [`def ${name}():`, '    a = 1', '    b = 2', '    c = 3', '    d = 4', '    e = 5', '    return a'].join('\n');
    const code = [fn('one'), '', fn('two'), '', fn('three')].join('\n');
    const parts = splitCode(code);
    expect(parts.length).toBe(2);
    expect(parts[1]).toMatch(/^def (two|three)\(\):/);
  });
});
