// Properties of language detection over generated input (issue #20): not only "never throws" (both
// functions catch everything) but what they return, for any code and any label.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectLanguage, inferFileName, languagesAgree, normalizeLanguage } from '../src/languages/index.js';

/** What detection can name (the scored languages). */
const KNOWN = [
  'bash', 'python', 'sql', 'javascript', 'typescript', 'hcl', 'nginx', 'html', 'xml', 'css', 'go', 'java',
  'rust', 'c', 'cpp', 'ruby', 'powershell', 'dockerfile', 'yaml', 'json', 'ini', 'toml',
];
/** Labels for deliberate non-code, never second-guessed. */
const OPAQUE = ['text', 'output', 'console', 'log', 'diff', 'mermaid', 'csv', 'http', 'pycon', 'markdown'];

/** Lines from real snippets of several languages, so generated code carries real (and mixed) signals. */
const LINES = [
  'FROM python:3.12-slim', 'RUN pip install -r requirements.txt', 'WORKDIR /app', '# syntax=docker/dockerfile:1',
  'set -euo pipefail', 'echo "$HOME"', 'sudo apt-get install -y curl', 'for f in *.txt; do', 'done',
  'def main():', '    return 42', 'import os', 'SELECT id, name FROM users WHERE id = 1;', 'CREATE TABLE t (id INT);',
  'const x = require("x");', 'function f(a) { return a; }', 'let y: number = 3;', 'interface A { b: string }',
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '- name: x', '{', '"a": 1,', '}', '[section]', 'key = "value"',
  'resource "aws_s3_bucket" "b" {', 'server {', '  listen 80;', '<div class="a">', '</div>', 'body { color: red; }',
  'package main', 'func main() {', 'fn main() {', 'let s = String::new();', 'public class A {', '#include <stdio.h>',
  'puts "hi"', 'end', 'Get-ChildItem -Path .', '', '   ', '\t', '// comment', '/* c */', '--', '$ ls -l', '> output',
];

const code = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.constantFrom(...LINES), { maxLength: 30 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.array(fc.constantFrom(...LINES), { maxLength: 12 }), fc.string({ maxLength: 40 })).map(([lines, noise]) => `${lines.join('\n')}\n${noise}`),
);
const label = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...KNOWN, ...OPAQUE, 'sh', 'shell', 'js', 'ts', 'yml', 'py', 'kotlin', 'lua', 'r', 'source', 'code'),
  fc.string({ maxLength: 20 }),
);
const runs = { numRuns: 300 };

describe('detectLanguage over generated input', () => {
  it('names a scored language or nothing when the fence is unlabelled', () => {
    fc.assert(fc.property(code, (c) => {
      const found = detectLanguage(c, null);
      return found === null || KNOWN.includes(found);
    }), runs);
  });

  it('returns the normalised label or a scored language, never anything else', () => {
    fc.assert(fc.property(code, label, (c, l) => {
      const found = detectLanguage(c, l);
      return found === normalizeLanguage(l) || (found !== null && KNOWN.includes(found));
    }), runs);
  });

  it('never second-guesses a label for non-code', () => {
    fc.assert(fc.property(code, fc.constantFrom(...OPAQUE), (c, l) => detectLanguage(c, l) === l), runs);
  });

  it('keeps the label when the code is blank', () => {
    fc.assert(fc.property(fc.stringMatching(/^[ \t\r\n]*$/), label, (blank, l) => detectLanguage(blank, l) === normalizeLanguage(l)), runs);
  });

  it('is deterministic and reads CRLF code as LF code', () => {
    fc.assert(fc.property(code, label, (c, l) => {
      const lf = detectLanguage(c, l);
      return detectLanguage(c, l) === lf && detectLanguage(c.replace(/\n/g, '\r\n'), l) === lf;
    }), runs);
  });
});

describe('normalizeLanguage, languagesAgree and inferFileName over generated input', () => {
  it('normalises to one lower-case token, and normalising again changes nothing', () => {
    fc.assert(fc.property(label, (l) => {
      const name = normalizeLanguage(l);
      return name === null || (/^[^\s{}[\](),;:="'`]+$/.test(name) && name === name.toLowerCase() && normalizeLanguage(name) === name);
    }), runs);
  });

  it('agrees with itself and with a missing side', () => {
    fc.assert(fc.property(label, label, (a, b) => languagesAgree(a, a) && languagesAgree(a, null) && languagesAgree(null, b)), runs);
  });

  it('suggests a bare file name or none, and none for output', () => {
    fc.assert(fc.property(code, label, fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (c, l, title) => {
      const name = inferFileName(c, l, title);
      if (['text', 'output', 'console', 'log', 'diff', 'mermaid'].includes(normalizeLanguage(l) ?? '')) return name === null;
      return name === null || (/^[^\s/\\]+$/.test(name) && name.length <= 200);
    }), runs);
  });
});
