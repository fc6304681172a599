// The fallback starter (src/languages/starter-kit.ts: `genericStarter`, `collapseTodos`, through
// `starterCode`) for languages without a starter of their own (Go, shell, Rust, CSS, …): every line of
// code a TODO in the language's comment syntax, comments and blank lines kept, a run of identical TODO
// lines one. And the kit's wording helpers (`listing`, `code`) that the labs' summaries use.
import { describe, expect, it } from 'vitest';
import { code, listing } from '../../src/languages/starter-kit.js';
import { starterCode } from '../../src/languages/starters.js';

const starter = (lines: string[], language: string) => starterCode(lines.join('\n'), language).split('\n');

describe('the fallback starter', () => {
  it('Go: comments kept at their indent (tabs), each run of code lines at one indent a single TODO', () => {
    const source = [
      '// Command shop serves the orders API.',
      'package main',
      '',
      'import (',
      '\t"fmt"',
      '\t"net/http"',
      ')',
      '',
      '// handler answers every request.',
      'func handler(w http.ResponseWriter, r *http.Request) {',
      '\t// Say hello.',
      '\tname := r.URL.Query().Get("name")',
      '\tfmt.Fprintf(w, "Hello %s", name)',
      '}',
      '',
      '',
      'func main() {',
      '\thttp.HandleFunc("/", handler)',
      '\thttp.ListenAndServe(":8080", nil)',
      '}',
    ];
    expect(starter(source, 'go')).toEqual([
      '// Command shop serves the orders API.',
      '// TODO: complete this line',
      '',
      '// TODO: complete this line',
      '\t// TODO: complete this line',
      '// TODO: complete this line',
      '',
      '// handler answers every request.',
      '// TODO: complete this line',
      '\t// Say hello.',
      '\t// TODO: complete this line',
      '// TODO: complete this line',
      '',
      '',
      '// TODO: complete this line',
      '\t// TODO: complete this line',
      '// TODO: complete this line',
    ]);
  });

  it('shell: the shebang and comments kept', () => {
    const source = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      '',
      '# Back up every database.',
      'for db in orders users; do',
      '    # One file per database.',
      '    pg_dump "$db" > "$db.sql"',
      '    gzip "$db.sql"',
      'done',
    ];
    expect(starter(source, 'bash')).toEqual([
      '#!/usr/bin/env bash',
      '# TODO: complete this line',
      '',
      '# Back up every database.',
      '# TODO: complete this line',
      '    # One file per database.',
      '    # TODO: complete this line',
      '# TODO: complete this line',
    ]);
  });

  it('Rust: doc comments are comments', () => {
    const source = [
      '/// The total of an order, in cents.',
      'fn total(prices: &[u32]) -> u32 {',
      '    // Sum them all.',
      '    prices.iter().sum()',
      '}',
    ];
    expect(starter(source, 'rust')).toEqual([
      '/// The total of an order, in cents.',
      '// TODO: complete this line',
      '    // Sum them all.',
      '    // TODO: complete this line',
      '// TODO: complete this line',
    ]);
  });

  it('CSS: TODO lines closed as block comments', () => {
    const source = [
      '.card {',
      '  /* Rounded. */',
      '  border-radius: 4px;',
      '}',
    ];
    expect(starter(source, 'css')).toEqual([
      '/* TODO: complete this line */',
      '  /* Rounded. */',
      '  /* TODO: complete this line */',
      '/* TODO: complete this line */',
    ]);
  });
});

describe('listing and code', () => {
  it('lists none, one, two or more items in prose', () => {
    expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(listing)).toEqual(['', 'a', 'a and b', 'a, b and c']);
  });

  it('puts a name in inline code, dropping the backticks inside it', () => {
    expect(code('echo `date`')).toBe('`echo date`');
  });
});
