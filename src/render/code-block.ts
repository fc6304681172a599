/**
 * A code block in a print document: its label (title, file name, language) and its numbered,
 * highlighted lines, kept on one page when short. Pure.
 */
import { escapeHtml } from './html-escape.js';
import { highlightLines } from './highlight.js';

/** Languages printed as terminal output: plain, without line numbers. */
const OUTPUT_LANGUAGES = new Set(['output', 'out', 'text', 'error', 'warning', 'log', 'stdout', 'stderr', 'result']);

/** Code blocks up to this many lines are kept on one page. */
export const KEEP_TOGETHER_LINES = 40;

export interface CodeBlock {
  code: string;
  /** Detected language (Lectern's names), or null. */
  language: string | null;
  /** Suggested file name, or null. */
  fileName: string | null;
  /** A heading for the block (an example's title), or null. */
  title?: string | null;
  /** Extra class names for the block. */
  className?: string;
  /** Line numbers; defaults to true except for terminal output. */
  numbered?: boolean;
  /** Marks lines with a `TODO` (starters) so they stand out. */
  markTodos?: boolean;
}

/** Human name of a language for labels. */
export function languageLabel(language: string | null): string {
  if (language === null) return 'code';
  return LANGUAGE_LABELS[language] ?? language;
}

const LANGUAGE_LABELS: Record<string, string> = {
  bash: 'Bash', console: 'Terminal', dockerfile: 'Dockerfile', yaml: 'YAML', json: 'JSON', python: 'Python',
  javascript: 'JavaScript', typescript: 'TypeScript', sql: 'SQL', hcl: 'HCL', ini: 'INI', toml: 'TOML',
  nginx: 'nginx', html: 'HTML', xml: 'XML', css: 'CSS', go: 'Go', java: 'Java', rust: 'Rust', c: 'C',
  cpp: 'C++', ruby: 'Ruby', powershell: 'PowerShell', markdown: 'Markdown', output: 'Output', error: 'Error',
  text: 'Text', http: 'HTTP', r: 'R', mermaid: 'Mermaid', source: 'code',
};

/** A code block: label (title, file name, language), then numbered, highlighted lines. */
export function renderCodeBlock(block: CodeBlock): string {
  const code = block.code.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const lines = highlightLines(code, block.language);
  const output = block.language !== null && OUTPUT_LANGUAGES.has(block.language);
  const numbered = block.numbered ?? !output;
  const classes = ['code-block'];
  if (block.className) classes.push(block.className);
  if (output) classes.push('code-block--output');
  classes.push(lines.length > KEEP_TOGETHER_LINES ? 'code-block--long' : 'code-block--short');
  if (lines.length >= 100) classes.push('code-block--wide-gutter');
  const label: string[] = [];
  if (block.title) label.push(`<span class="code-title">${escapeHtml(block.title)}</span>`);
  if (block.fileName) label.push(`<span class="code-file">${escapeHtml(block.fileName)}</span>`);
  const languageName = languageLabel(block.language);
  if (block.language !== null && languageName.toLowerCase() !== block.fileName?.toLowerCase()) {
    label.push(`<span class="code-lang">${escapeHtml(languageName)}</span>`);
  }
  // Block-level lines: no newline between them, or pre-wrap would print each one twice.
  const body = lines
    .map((line) => `<span class="${block.markTodos && line.includes('TODO') ? 'line line--todo' : 'line'}">${line === '' ? ' ' : line}</span>`)
    .join('');
  const lang = block.language ? ` data-language="${escapeHtml(block.language)}"` : '';
  return (
    `<figure class="${classes.join(' ')}"${lang}>` +
    (label.length > 0 ? `<figcaption class="code-label">${label.join('')}</figcaption>` : '') +
    `<pre class="${numbered ? 'code numbered' : 'code'}"><code class="hljs">${body}</code></pre></figure>`
  );
}
