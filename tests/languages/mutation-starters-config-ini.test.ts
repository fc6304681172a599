// The INI and TOML starter (src/languages/ini-starter.ts), written out whole: sections, comments and
// blank lines kept, each setting a "set <key>" hint, anything else "complete this setting". The mutation
// run (README › Mutation testing) showed these untested; writing them out found that a section with a
// comment after it (`[database] ; the primary`), TOML's arrays of tables (`[[tool.mypy.overrides]]`)
// and quoted TOML keys became hints instead of staying.
import { describe, expect, it } from 'vitest';
import { starterCode } from '../../src/languages/starters.js';

const lines = (...text: string[]) => text.join('\n');

describe('INI files', () => {
  it('keeps sections and comments, and hints each key whatever its separator, spacing or value', () => {
    const source = lines(
      '; Shop settings',
      '[database] ; the primary',
      'host=db.internal',
      'port = 5432',
      'url = postgres://shop@db/shop#primary',
      "init_command = SET NAMES utf8; SET time_zone = '+00:00'",
      '',
      '[server]',
      'listen: 0.0.0.0',
      '    --workers 4',
    );
    expect(starterCode(source, 'ini')).toBe(
      lines(
        '; Shop settings',
        '[database] ; the primary',
        '# TODO: set host',
        '# TODO: set port',
        '# TODO: set url',
        '# TODO: set init_command',
        '',
        '[server]',
        '# TODO: set listen',
        '    # TODO: complete this setting',
      ),
    );
  });

  it('keeps the indent of indented keys (a .gitconfig)', () => {
    const source = lines('[user]', '\tname = Ada Lovelace', '\temail = ada@example.com', '[alias]', '\tlg = log --oneline --graph');
    expect(starterCode(source, 'ini')).toBe(lines('[user]', '\t# TODO: set name', '\t# TODO: set email', '[alias]', '\t# TODO: set lg'));
  });
});

describe('TOML files', () => {
  it('keeps tables and arrays of tables, hints quoted keys, and each line of a multi-line value', () => {
    const source = lines(
      '# Project metadata',
      '[project]',
      'name = "shop"',
      'description = """',
      'Set HOST=0.0.0.0 to listen everywhere.',
      '"""',
      'dependencies = [',
      '  "fastapi>=0.110",',
      ']',
      '',
      '[[tool.mypy.overrides]]  # one per module',
      'module = "tests.*"',
      '"quoted key" = true',
      'line-length = 88',
      'site.title = "Shop"',
      'ports = [8080, 8443]',
      'matrix = [',
      '  ["py311", "linux"],',
      ']',
    );
    expect(starterCode(source, 'toml')).toBe(
      lines(
        '# Project metadata',
        '[project]',
        '# TODO: set name',
        '# TODO: set description',
        '# TODO: complete this setting',
        '# TODO: set dependencies',
        '  # TODO: complete this setting',
        '# TODO: complete this setting',
        '',
        '[[tool.mypy.overrides]]  # one per module',
        '# TODO: set module',
        '# TODO: set "quoted key"',
        '# TODO: set line-length',
        '# TODO: set site.title',
        '# TODO: set ports',
        '# TODO: set matrix',
        '  # TODO: complete this setting',
        '# TODO: complete this setting',
      ),
    );
  });
});
