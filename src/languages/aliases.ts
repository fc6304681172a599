/** Fence labels: the aliases each file kind answers to, and normalising a fence info string. */

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

const ALIASES: Record<string, string> = {
  yml: 'yaml',
  'docker-compose': 'yaml',
  compose: 'yaml',
  sh: 'bash',
  shell: 'bash',
  zsh: 'bash',
  ksh: 'bash',
  shellscript: 'bash',
  'shell-script': 'bash',
  // Terminal transcripts (prompts mixed with output) stay `console`: highlighters treat them
  // differently from scripts, and the detector never second-guesses them.
  'shell-session': 'console',
  shellsession: 'console',
  'sh-session': 'console',
  terminal: 'console',
  docker: 'dockerfile',
  containerfile: 'dockerfile',
  js: 'javascript',
  node: 'javascript',
  nodejs: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  py: 'python',
  py3: 'python',
  python3: 'python',
  tf: 'hcl',
  tfvars: 'hcl',
  terraform: 'hcl',
  postgresql: 'sql',
  postgres: 'sql',
  pgsql: 'sql',
  mysql: 'sql',
  psql: 'sql',
  sqlite: 'sql',
  plsql: 'sql',
  tsql: 'sql',
  mssql: 'sql',
  jsonc: 'json',
  json5: 'json',
  cfg: 'ini',
  conf: 'ini',
  properties: 'ini',
  dosini: 'ini',
  editorconfig: 'ini',
  md: 'markdown',
  txt: 'text',
  plaintext: 'text',
  plain: 'text',
  none: 'text',
  nohighlight: 'text',
  'no-highlight': 'text',
  htm: 'html',
  xhtml: 'html',
  golang: 'go',
  rs: 'rust',
  h: 'c',
  'c++': 'cpp',
  cc: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  rb: 'ruby',
  ps1: 'powershell',
  pwsh: 'powershell',
  posh: 'powershell',
  nginxconf: 'nginx',
};

/** Normalises a fence info string: first word, lower-case, aliases mapped; null for empty. */
export function normalizeLanguage(info: string | null | undefined): string | null {
  if (typeof info !== 'string') return null;
  // `{r, echo=FALSE}`, `{.python}`, `.yaml`: drop the Pandoc/R Markdown wrapping first.
  const text = info.trim().replace(/^[{.\s]+/, '');
  // First token; stops at attributes (`{.line-numbers}`, `title="x"`, `js:app.js`, `yaml[1-3]`).
  const token = /^[^\s{}[\](),;:="'`]+/.exec(text)?.[0];
  if (!token) return null;
  let name = token.toLowerCase().replace(/\.+$/, '');
  name = name.replace(/^(?:language|lang)-(?=.)/, '');
  if (!name) return null;
  // hasOwn: a fence labelled `__proto__` or `constructor` must not find Object.prototype's members.
  return Object.hasOwn(ALIASES, name) ? ALIASES[name] : name;
}

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------
