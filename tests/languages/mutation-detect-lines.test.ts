// More single lines the detector's pass (`analyse`, src/languages/detect.ts) must read one way and
// not the other: a shebang of a language it has no bonus for, a prompt whose command scores nothing
// by itself, a flow list with a comma, a JSON key inside a one-line dict, and `<<` that is a heredoc
// (Ruby) or a shift (C++, C#). Companion to mutation-detect-analyse.test.ts (README › Mutation testing).
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/languages/detect.js';
import { lines, read } from './mutation-detect-helpers.js';

describe('single lines', () => {
  it('a Ruby shebang adds nothing to JavaScript', () => {
    expect(read('#!/usr/bin/env ruby\nputs "hi"').scores).toEqual({ ruby: 3 });
  });

  it('a PowerShell prompt in a user’s folder scores even before a command that scores nothing', () => {
    expect(read('PS C:\\Users\\ada> dir')).toEqual({ scores: { powershell: 3 }, facts: { significant: 1 } });
    expect(read('dir')).toEqual({ scores: {}, facts: { significant: 1 } });
  });

  it('a YAML flow list with a comma is still a key', () => {
    expect(read('on: [push, pull_request]')).toEqual({
      scores: { yaml: 0.5 },
      facts: { significant: 1, yaml: { lines: 1, topKeys: ['on'] } },
    });
  });

  it('a quoted key inside a one-line Python dict is no JSON key line', () => {
    expect(read('config = {"debug": True}')).toEqual({
      scores: { python: 1 },
      facts: { significant: 1, kv: { lines: 1, tomlValues: 1 } },
    });
  });
});

describe('`<<`: a heredoc, or a shift', () => {
  it('a Ruby heredoc: the SQL body is skipped', () => {
    expect(read(lines('Query = <<-SQL', '  SELECT * FROM users', 'SQL'))).toEqual({ scores: { bash: 2 }, facts: { significant: 1, kv: { iniValues: 1, lines: 1 } } });
  });

  // Regression: a statement shifting by a name (`<< name;`) was read as a shell heredoc: it scored for
  // bash, and every line after it was skipped as the heredoc's body.
  it('C++ and C# statements ending in `;` are no heredoc', () => {
    const cpp = lines('#include <iostream>', '', 'int main() {', '    std::cout << "Hello, " << name << std::endl;', '    return 0;', '}');
    expect(read(cpp)).toEqual({ scores: { cpp: 10, css: 1.5 }, facts: { significant: 5 } });
    expect(detectLanguage('Console.WriteLine(flags << Shift);', null)).toBeNull();
  });
});
