/**
 * Syntax highlighting for print documents: a private highlight.js instance with the languages
 * lessons use (Terraform/HCL added), returning one balanced HTML string per source line so code
 * blocks can number and mark lines. Pure.
 */
import hljs from 'highlight.js/lib/core';
import type { HLJSApi, LanguageFn } from 'highlight.js';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import makefile from 'highlight.js/lib/languages/makefile';
import markdown from 'highlight.js/lib/languages/markdown';
import nginx from 'highlight.js/lib/languages/nginx';
import php from 'highlight.js/lib/languages/php';
import plaintext from 'highlight.js/lib/languages/plaintext';
import powershell from 'highlight.js/lib/languages/powershell';
import python from 'highlight.js/lib/languages/python';
import r from 'highlight.js/lib/languages/r';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import { escapeHtml } from './html-escape.js';

/** Terraform/HCL, which highlight.js does not ship. */
const hcl: LanguageFn = (api) => ({
  name: 'HCL',
  aliases: ['terraform', 'tf'],
  keywords: {
    keyword: 'resource data provider variable output module terraform locals backend required_providers dynamic for_each count depends_on lifecycle for in if',
    literal: 'true false null',
  },
  contains: [
    api.HASH_COMMENT_MODE,
    api.C_LINE_COMMENT_MODE,
    api.C_BLOCK_COMMENT_MODE,
    {
      scope: 'string',
      begin: '"',
      end: '"',
      contains: [api.BACKSLASH_ESCAPE, { scope: 'subst', begin: /\$\{/, end: /\}/ }],
    },
    { scope: 'string', begin: /<<-?\s*(\w+)$/, end: /^\s*\w+$/ },
    { scope: 'attr', begin: /\b[A-Za-z_][\w-]*(?=\s*=(?!=))/ },
    api.NUMBER_MODE,
  ],
});

const LANGUAGES: Record<string, LanguageFn> = {
  bash, c, cpp, csharp, css, diff, dockerfile, go, hcl, http, ini, java, javascript, json, kotlin, makefile,
  markdown, nginx, php, plaintext, powershell, python, r, ruby, rust, shell, sql, swift, typescript, xml, yaml,
};

let highlighter: HLJSApi | undefined;

/** A private highlight.js instance, so Lectern never changes the one marp-core shares. */
function hl(): HLJSApi {
  if (!highlighter) {
    highlighter = hljs.newInstance();
    for (const [name, language] of Object.entries(LANGUAGES)) highlighter.registerLanguage(name, language);
  }
  return highlighter;
}

/** highlight.js's name for a Lectern language, or null to print the code plain. */
const HIGHLIGHT_NAMES: Record<string, string> = {
  console: 'shell',
  toml: 'ini',
  html: 'xml',
  svg: 'xml',
  jsx: 'javascript',
  tsx: 'typescript',
  mermaid: 'plaintext',
};

function highlightName(language: string | null, code: string): string | null {
  if (language === null) return null;
  // Carpentries fence transcripts (`$ ls`, `> do`) as bash; highlight.js reads them as a session.
  if (language === 'bash' && /^\$ /m.test(code)) return 'shell';
  const name = HIGHLIGHT_NAMES[language] ?? language;
  return hl().getLanguage(name) ? name : null;
}

/** The code as highlighted HTML, one string per source line (spans closed and reopened at line ends). */
export function highlightLines(code: string, language: string | null): string[] {
  const name = highlightName(language, code);
  let html: string;
  try {
    html = name === null ? escapeHtml(code) : hl().highlight(code, { language: name, ignoreIllegals: true }).value;
  } catch {
    html = escapeHtml(code);
  }
  return splitHighlighted(html);
}

/** Splits highlight.js output at newlines, keeping every line's markup balanced. */
function splitHighlighted(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let current = '';
  for (const part of html.split(/(<span[^>]*>|<\/span>)/)) {
    if (part.startsWith('<span')) {
      open.push(part);
      current += part;
    } else if (part === '</span>') {
      open.pop();
      current += part;
    } else {
      const pieces = part.split('\n');
      current += pieces[0] ?? '';
      for (const piece of pieces.slice(1)) {
        lines.push(current + '</span>'.repeat(open.length));
        current = open.join('') + piece;
      }
    }
  }
  lines.push(current + '</span>'.repeat(open.length));
  return lines;
}
