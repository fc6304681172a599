/**
 * Code-fence languages: normalising fence info strings, detecting what a snippet really is, and
 * suggesting a file name for it.
 *
 * Lessons often fence code without a label, or with the wrong one (a Dockerfile fenced as ```yaml).
 * `detectLanguage` scores the content against every language it knows (strong and weak signals
 * per line, plus whole-snippet structure for line-oriented formats such as Dockerfile, YAML, INI
 * and TOML) and only overrides a declared label when the content is clearly something else.
 *
 * Pure: no fs, no network; never throws; looks at most at the first {@link SAMPLE_LINES} lines.
 */

/** How many lines of a snippet the detector looks at (keeps 3,000-line inputs cheap). */
const SAMPLE_LINES = 200;
/** Longest part of a line the detector looks at (guards regexes against minified one-liners). */
const MAX_LINE = 400;
/** Largest snippet handed to `JSON.parse` whole. */
const MAX_JSON_PARSE = 1_000_000;

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

interface Signal {
  lang: string;
  re: RegExp;
  weight: number;
  /** Most this signal may contribute over the whole snippet (weak, common signals). */
  cap?: number;
}

/** Commands that start a shell line (`sudo` allowed in front). */
const SHELL_COMMANDS = [
  'apt-get', 'apt', 'yum', 'dnf', 'apk', 'brew', 'snap', 'pacman', 'docker', 'docker-compose', 'podman',
  'kubectl', 'helm', 'minikube', 'kind', 'k3d', 'curl', 'wget', 'ls', 'cd', 'echo', 'mkdir', 'rm', 'rmdir',
  'cp', 'mv', 'cat', 'chmod', 'chown', 'touch', 'grep', 'find', 'tar', 'unzip', 'zip', 'gzip', 'ssh', 'scp',
  'rsync', 'git', 'npm', 'npx', 'yarn', 'pnpm', 'pip', 'pip3', 'pipx', 'python', 'python3', 'node', 'deno',
  'conda', 'virtualenv', 'poetry', 'uv', 'systemctl', 'service', 'journalctl', 'sudo', 'su', 'which',
  'whoami', 'pwd', 'head', 'tail', 'less', 'more', 'wc', 'awk', 'sed', 'xargs', 'tee', 'sort', 'uniq',
  'printf', 'nano', 'vim', 'vi', 'ping', 'nslookup', 'dig', 'netstat', 'lsof', 'ps', 'kill', 'killall',
  'df', 'du', 'uname', 'ln', 'openssl', 'base64', 'jq', 'make', 'cmake', 'gcc', 'g++', 'clang', 'javac',
  'mvn', 'gradle', 'cargo', 'rustc', 'gem', 'bundle', 'rails', 'pytest', 'uvicorn', 'gunicorn', 'flask',
  'psql', 'redis-cli', 'mongosh', 'aws', 'gcloud', 'az', 'terraform', 'ansible', 'ansible-playbook',
  'vagrant', 'packer', 'nohup', 'crontab', 'useradd', 'usermod', 'passwd', 'hostname', 'ifconfig', 'ip',
  'env', 'alias', 'unset', 'sleep', 'exit', 'history', 'clear', 'chsh', 'source', 'eval', 'exec', 'time',
  'watch', 'htop', 'top', 'free', 'mount', 'umount', 'fdisk', 'mkfs', 'lsblk', 'ssh-keygen', 'gpg',
  'go', 'java', 'dotnet', 'code', 'open', 'xdg-open', 'ufw', 'iptables', 'firewall-cmd', 'certbot', 'nginx',
];
const escapeRe = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A command followed by nothing, or by an argument that is not `=`, `:` or `(` (an assignment or call). */
const SHELL_COMMAND_LINE = new RegExp(
  `^(?:sudo\\s+)?(?:${SHELL_COMMANDS.map(escapeRe).join('|')})(?:\\s+(?![=:(])\\S.*)?$`,
);

const SIGNALS: readonly Signal[] = [
  // bash
  { lang: 'bash', re: SHELL_COMMAND_LINE, weight: 2 },
  { lang: 'bash', re: /^(?:for|while|until)\s.*;\s*do$/, weight: 3 },
  { lang: 'bash', re: /^(?:do|done|fi|esac|then)(?:\s*[;|&>].*)?$/, weight: 3 },
  { lang: 'bash', re: /^(?:el)?if\s+\[\[?\s/, weight: 3 },
  { lang: 'bash', re: /;\s*then$/, weight: 2 },
  { lang: 'bash', re: /^case\s.*\sin$/, weight: 2 },
  { lang: 'bash', re: /^export\s+[A-Za-z_]\w*=/, weight: 3 },
  { lang: 'bash', re: /^(?:set\s+[-+][euxo]|\.\s+\S+)/, weight: 3 },
  { lang: 'bash', re: /^function\s+[\w-]+\s*\{$/, weight: 3 },
  { lang: 'bash', re: /^[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\S*)$/, weight: 0.5, cap: 1.5 },
  { lang: 'bash', re: /\|\s*(?:grep|awk|sed|sort|uniq|head|tail|xargs|wc|tee|jq|cut|tr|less|bash|sh)\b/, weight: 2, cap: 6 },
  { lang: 'bash', re: /\$\(/, weight: 1, cap: 3 },
  { lang: 'bash', re: /\$\{?[A-Z_][A-Z0-9_]+\b/, weight: 0.5, cap: 2 },
  { lang: 'bash', re: /2>&1|>\s*\/dev\/null|&>/, weight: 2, cap: 4 },
  { lang: 'bash', re: /\s&&\s/, weight: 0.5, cap: 1 },

  // python
  { lang: 'python', re: /^(?:async\s+)?def\s+\w+\s*\(.*\)\s*(?:->\s*[^:]+)?:$/, weight: 4 },
  { lang: 'python', re: /^(?:async\s+)?def\s+\w+\s*\([^)]*$/, weight: 2 },
  { lang: 'python', re: /^class\s+\w+(?:\(.*\))?:$/, weight: 4 },
  { lang: 'python', re: /^from\s+\.*[\w.]+\s+import\s+\S/, weight: 4 },
  { lang: 'python', re: /^import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*$/, weight: 3 },
  { lang: 'python', re: /(?:^|[^\w.])print\(/, weight: 2, cap: 6 },
  { lang: 'python', re: /^if\s+__name__\s*==/, weight: 5 },
  { lang: 'python', re: /^(?:elif\s.+|else|try|finally|except(?:\s.+)?)\s*:$/, weight: 2, cap: 6 },
  { lang: 'python', re: /^(?:if|for|while|with)\s.+:$/, weight: 1, cap: 4 },
  { lang: 'python', re: /\bself\./, weight: 1, cap: 3 },
  { lang: 'python', re: /\b(?:True|False|None)\b/, weight: 1, cap: 2 },
  { lang: 'python', re: /\bf"[^"]*\{|\bf'[^']*\{/, weight: 1, cap: 2 },
  { lang: 'python', re: /\b(?:len|range|enumerate|isinstance)\(/, weight: 1, cap: 2 },
  { lang: 'python', re: /^@\w+(?:\.\w+)*(?:\(.*\))?$/, weight: 1, cap: 2 },

  // sql (keywords are case-insensitive when they start a line)
  { lang: 'sql', re: /^select\s+(?!\{)\S/i, weight: 3 },
  { lang: 'sql', re: /^insert\s+into\s/i, weight: 4 },
  {
    lang: 'sql',
    re: /^create\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+|unique\s+|materialized\s+)?(?:table|index|view|database|schema|extension|function|procedure|trigger|sequence|type|role|user)\b/i,
    weight: 4,
  },
  { lang: 'sql', re: /^alter\s+(?:table|database|user|role|index|view|sequence|schema)\b/i, weight: 4 },
  { lang: 'sql', re: /^update\s+[\w."`]+(?:\s+\w+)?\s+set\s/i, weight: 4 },
  { lang: 'sql', re: /^update\s+[\w."`]+$/i, weight: 2 },
  { lang: 'sql', re: /^set\s+[\w".`]+\s*=\s*\S/i, weight: 1 },
  { lang: 'sql', re: /^delete\s+from\s/i, weight: 4 },
  { lang: 'sql', re: /^(?:drop|truncate)\s+(?:table|index|view|database|schema)\b/i, weight: 4 },
  { lang: 'sql', re: /^(?:inner\s+|left\s+|right\s+|full\s+|cross\s+)?(?:outer\s+)?join\s/i, weight: 2 },
  { lang: 'sql', re: /^(?:where|having|group\s+by|order\s+by|union(?:\s+all)?)\b(?!\s*[=(:])/i, weight: 2 },
  { lang: 'sql', re: /^limit\s+\d+;?$/i, weight: 2 },
  { lang: 'sql', re: /^values\s*\(/i, weight: 2 },
  { lang: 'sql', re: /^from\s+[\w."`]+(?:\s+(?:as\s+)?\w+)?(?:\s+where\b.*)?;?$/i, weight: 1 },
  { lang: 'sql', re: /^(?:begin|commit|rollback)(?:\s+transaction)?;$/i, weight: 2 },
  { lang: 'sql', re: /^grant\s.+\bon\b/i, weight: 3 },
  { lang: 'sql', re: /^with\s+\w+\s+as\s*\(/i, weight: 3 },
  { lang: 'sql', re: /^COPY\s+\w+(?:\s*\(.*\))?\s+(?:FROM|TO)\s/i, weight: 3 },
  {
    lang: 'sql',
    re: /\b(?:PRIMARY KEY|FOREIGN KEY|REFERENCES|NOT NULL|VARCHAR\(|SERIAL|AUTO_INCREMENT|INTEGER|TIMESTAMP|BOOLEAN|DEFAULT)\b/,
    weight: 1.5,
    cap: 6,
  },
  { lang: 'sql', re: /\b(?:COUNT|SUM|AVG|MAX|MIN)\(/, weight: 1, cap: 2 },

  // javascript (TypeScript shares these; its own extras are counted under `ts`)
  { lang: 'javascript', re: /^(?:export\s+)?(?:const|let|var)\s+[\w${}[\],\s]+(?::\s*[^=]+)?=/, weight: 2, cap: 8 },
  { lang: 'javascript', re: /^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*[\w$]*\s*(?:<[^>]*>)?\(/, weight: 2, cap: 8 },
  { lang: 'javascript', re: /=>/, weight: 1, cap: 3 },
  { lang: 'javascript', re: /\brequire\(\s*['"`]/, weight: 3, cap: 9 },
  { lang: 'javascript', re: /^import\s+.+\s+from\s+['"]/, weight: 3, cap: 9 },
  { lang: 'javascript', re: /^import\s+['"][^'"]+['"];?$/, weight: 2, cap: 4 },
  { lang: 'javascript', re: /\bconsole\.(?:log|error|warn|info|debug)\(/, weight: 3, cap: 9 },
  { lang: 'javascript', re: /\bmodule\.exports\b|^exports\.\w+\s*=/, weight: 3 },
  { lang: 'javascript', re: /^export\s+(?:default|const|let|function|class|async)\b/, weight: 2, cap: 4 },
  { lang: 'javascript', re: /===|!==/, weight: 1, cap: 2 },
  { lang: 'javascript', re: /\b(?:document|window)\.\w+/, weight: 2, cap: 4 },
  { lang: 'javascript', re: /^\}\)(?:\(\))?;?$/, weight: 1, cap: 2 },
  { lang: 'javascript', re: /\bnew Promise\(|\.then\(/, weight: 1, cap: 2 },
  { lang: 'javascript', re: /^(?:app|router)\.(?:get|post|put|patch|delete|use|listen)\(/, weight: 2, cap: 6 },
  { lang: 'javascript', re: /\bJSON\.(?:parse|stringify)\(/, weight: 2, cap: 2 },

  // typescript-only extras (see `analyse`: annotations count only on top of JavaScript-like code or type declarations)
  { lang: 'tsdecl', re: /^(?:export\s+)?(?:declare\s+)?interface\s+\w+(?:<[^>]*>)?(?:\s+extends\s+[^{]+)?\s*\{/, weight: 4 },
  { lang: 'tsdecl', re: /^(?:export\s+)?type\s+\w+(?:<[^>]*>)?\s*=/, weight: 4 },
  { lang: 'tsdecl', re: /^import\s+type\s/, weight: 4 },
  { lang: 'ts', re: /[\w)?]\s*:\s*(?:string|number|boolean|void|any|unknown|never|bigint)(?:\[\])?\b/, weight: 2, cap: 8 },
  { lang: 'ts', re: /\)\s*:\s*[\w.[\]<>]+(?:\s*\|\s*[\w.[\]<>]+)*\s*(?:\{|=>)/, weight: 2, cap: 4 },
  { lang: 'ts', re: /^(?:public|private|protected|readonly)\s+(?:readonly\s+)?\w+\s*[:=(;]/, weight: 1, cap: 2 },
  { lang: 'ts', re: /^(?:export\s+)?(?:const\s+)?enum\s+\w+\s*\{/, weight: 3 },
  { lang: 'ts', re: /\bas\s+(?:const|string|number|any|unknown)\b/, weight: 2, cap: 4 },
  { lang: 'ts', re: /\bimplements\s+\w+/, weight: 2 },
  { lang: 'ts', re: /<\w+(?:\[\])?>\s*\(|:\s*(?:Array|Record|Partial|Promise|Map|Set)<\w/, weight: 2, cap: 4 },

  // hcl / terraform
  { lang: 'hcl', re: /^(?:resource|data)\s+"[\w-]+"\s+"[\w-]+"\s*\{/, weight: 5 },
  { lang: 'hcl', re: /^(?:provider|variable|output|module)\s+"[\w-]+"\s*\{/, weight: 4 },
  { lang: 'hcl', re: /^terraform\s*\{/, weight: 5 },
  { lang: 'hcl', re: /^(?:locals|required_providers|backend\s+"\w+")\s*\{/, weight: 3 },
  { lang: 'hcl', re: /\b(?:var|local|module|data)\.[\w-]+/, weight: 1, cap: 3 },
  { lang: 'hcl', re: /^[\w-]+\s*=\s*(?:"[^"]*"|\d+|true|false|\[.*|\{|[\w.]+)$/, weight: 0.3, cap: 1.5 },

  // nginx
  { lang: 'nginx', re: /^(?:server|http|events|stream|upstream\s+[\w-]+)\s*\{$/, weight: 3 },
  { lang: 'nginx', re: /^location\s+(?:=|~\*?|\^~)?\s*\S+\s*\{$/, weight: 4 },
  { lang: 'nginx', re: /^listen\s+[\w.:[\]]+(?:\s+\w+)*;$/, weight: 4 },
  {
    lang: 'nginx',
    re: /^(?:server_name|root|proxy_pass|proxy_set_header|proxy_http_version|try_files|index|access_log|error_log|worker_processes|worker_connections|gzip|ssl_certificate|ssl_certificate_key|add_header|rewrite|client_max_body_size|sendfile|keepalive_timeout|default_type|fastcgi_pass|autoindex)\s+[^;]*;$/,
    weight: 2,
    cap: 12,
  },

  // html / xml
  { lang: 'html', re: /^<!doctype\s+html/i, weight: 10 },
  { lang: 'html', re: /^<html[\s>]/i, weight: 5 },
  {
    lang: 'html',
    re: /^<\/?(?:head|body|div|span|p|a|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|form|input|button|script|style|link|meta|title|section|article|header|footer|nav|main|img|br|label|select|option|textarea|strong|em|pre|code)(?:\s[^>]*)?\/?>/i,
    weight: 1.5,
  },
  { lang: 'xml', re: /^<\?xml\s/, weight: 10 },

  // css
  { lang: 'css', re: /^(?:[.#]?[\w-]+|\*)(?:[\s>+~,:]+[.#]?[\w-]+(?:\([^)]*\))?)*\s*\{$/, weight: 0.5, cap: 2 },
  { lang: 'css', re: /^[\w-]+\s*:\s*[^;{}]+;$/, weight: 1, cap: 10 },
  { lang: 'css', re: /^@(?:media|import|font-face|keyframes)\b/, weight: 3 },

  // go
  { lang: 'go', re: /^package\s+\w+$/, weight: 4 },
  { lang: 'go', re: /^func\s+(?:\([^)]*\)\s*)?\w+\s*\(/, weight: 4 },
  { lang: 'go', re: /^import\s+(?:\($|"[^"]+"$)/, weight: 3 },
  { lang: 'go', re: /:=/, weight: 1.5, cap: 4 },
  { lang: 'go', re: /\bfmt\.\w+\(/, weight: 3, cap: 6 },
  { lang: 'go', re: /\berr\s*!=\s*nil\b/, weight: 3, cap: 6 },
  { lang: 'go', re: /^type\s+\w+\s+(?:struct|interface)\s*\{/, weight: 4 },
  { lang: 'go', re: /^(?:defer\s|go\s+func\b)/, weight: 3 },

  // java
  { lang: 'java', re: /^public\s+(?:final\s+|abstract\s+)?(?:class|interface|enum|record)\s+\w+/, weight: 4 },
  { lang: 'java', re: /public\s+static\s+void\s+main\s*\(\s*String/, weight: 6 },
  { lang: 'java', re: /\bSystem\.(?:out|err)\.print/, weight: 4, cap: 8 },
  { lang: 'java', re: /^package\s+[\w.]+;$/, weight: 4 },
  { lang: 'java', re: /^import\s+(?:static\s+)?[\w.]+(?:\.\*)?;$/, weight: 3, cap: 9 },
  {
    lang: 'java',
    re: /^@(?:Override|Autowired|Test|Entity|RestController|GetMapping|PostMapping|SpringBootApplication|Service|Component)\b/,
    weight: 2,
    cap: 6,
  },
  { lang: 'java', re: /^(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?[\w<>[\], ]+\s+\w+\s*\(/, weight: 2, cap: 6 },

  // rust
  { lang: 'rust', re: /^(?:pub(?:\(crate\))?\s+)?(?:async\s+)?fn\s+\w+/, weight: 4 },
  { lang: 'rust', re: /\blet\s+mut\s/, weight: 3, cap: 6 },
  { lang: 'rust', re: /\b(?:println|eprintln|print|format|panic|assert|assert_eq|write|writeln)!\(|\bvec!\[/, weight: 3, cap: 9 },
  { lang: 'rust', re: /^use\s+[\w:]+(?:::\{[^}]*\}|::\*)?;$/, weight: 3, cap: 6 },
  { lang: 'rust', re: /^impl(?:<[^>]*>)?\s+[\w<>:]+/, weight: 3 },
  { lang: 'rust', re: /^#\[(?:derive|test|cfg|tokio)/, weight: 4 },
  { lang: 'rust', re: /&str\b|&mut\s|\bString::|\bOption<|\bResult<|\bVec<|\bSome\(|\bOk\(/, weight: 1.5, cap: 4 },

  // c (C++ extras are counted under `cppx`)
  { lang: 'c', re: /^#include\s*<[\w/]+\.h>/, weight: 4 },
  { lang: 'c', re: /^#include\s*"[\w/.]+"/, weight: 2 },
  { lang: 'c', re: /^#define\s+\w+/, weight: 2 },
  { lang: 'c', re: /^(?:int|void|char|float|double|long|unsigned|static|struct\s+\w+)\s+\**\w+\s*\([^)]*\)\s*\{?$/, weight: 3, cap: 9 },
  { lang: 'c', re: /\b(?:printf|scanf|malloc|free|sizeof|fprintf|strcpy|strlen)\(/, weight: 2, cap: 6 },
  { lang: 'cppx', re: /^#include\s*<[\w/]+>/, weight: 4 },
  { lang: 'cppx', re: /std::|\bcout\s*<<|\bcin\s*>>|\busing\s+namespace\s+std\b|\btemplate\s*<|\bnullptr\b/, weight: 3, cap: 9 },

  // ruby
  { lang: 'ruby', re: /^def\s+\w+[?!]?(?:\(.*\))?$/, weight: 2, cap: 6 },
  { lang: 'ruby', re: /^end$/, weight: 1.5, cap: 6 },
  { lang: 'ruby', re: /^require(?:_relative)?\s+['"]/, weight: 3 },
  { lang: 'ruby', re: /^puts\s/, weight: 3, cap: 6 },
  { lang: 'ruby', re: /\bdo\s*\|[\w, ]+\|/, weight: 3, cap: 6 },
  { lang: 'ruby', re: /^attr_(?:accessor|reader|writer)\s/, weight: 3 },

  // powershell
  {
    lang: 'powershell',
    re: /\b(?:Get|Set|New|Remove|Write|Start|Stop|Invoke|Import|Install|Test|Add|Out|Select|Where|ForEach|Copy|Move)-[A-Z]\w+/,
    weight: 3,
    cap: 9,
  },
  { lang: 'powershell', re: /\$_\b|\$PSVersionTable|\$env:/, weight: 2, cap: 4 },
];

const DOCKER_INSTRUCTION =
  /^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\s+\S/;
/** SQL's `COPY t FROM 'file'` is not a Dockerfile instruction. */
const SQL_COPY = /^COPY\s+\w+(?:\s*\(.*\))?\s+(?:FROM|TO)\s/i;
/** `key: value`, `key:`, `- key: value`; values ending like code (`,` `;` `{` `(`) do not count. */
const YAML_KEY = /^(-\s+)?([A-Za-z_$][\w.\-/$]*|"[^"]+"|'[^']+')\s*:(?:\s+(.*))?$/;
const YAML_NOT_KEYS = new Set(['else', 'try', 'finally', 'except', 'do', 'then', 'public', 'private', 'protected', 'default']);
const YAML_BLOCK_SCALAR = /:\s*[|>][-+]?\d*\s*$/;
const INI_SECTION = /^\[[^[\]]+\]$/;
const TOML_ARRAY_TABLE = /^\[\[[^[\]]+\]\]$/;
const KEY_VALUE = /^("[^"]*"|'[^']*'|[\w.-]+)\s*=\s*(.*)$/;
const TOML_VALUE = /^(?:"[^"]*"|'[^']*'|"""|'''|\[.*|\{.*\}|\d{4}-\d{2}-\d{2}.*)$/;
const NEUTRAL_VALUE = /^(?:true|false|[-+]?\d[\d_]*(?:\.\d+)?)$/i;
const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_]\w*)\1/;

interface Analysis {
  scores: Map<string, number>;
  /** Non-blank, non-comment lines examined. */
  significant: number;
  /** Lines that were shell prompts (`$ cmd`). */
  prompts: number;
  /** Top-level YAML keys seen, and the `kind:` values of Kubernetes-like documents. */
  yamlTopKeys: Set<string>;
  yamlKinds: string[];
}

/** Scores the first {@link SAMPLE_LINES} lines of `code` against every known language. */
function analyse(code: string): Analysis {
  const scores = new Map<string, number>();
  const capped = new Map<Signal, number>();
  const add = (lang: string, points: number): void => {
    scores.set(lang, (scores.get(lang) ?? 0) + points);
  };
  const addSignal = (signal: Signal): void => {
    if (signal.cap === undefined) return add(signal.lang, signal.weight);
    const used = capped.get(signal) ?? 0;
    const points = Math.min(signal.weight, signal.cap - used);
    if (points <= 0) return;
    capped.set(signal, used + points);
    add(signal.lang, points);
  };

  const lines = sampleLines(code);
  let significant = 0;
  let prompts = 0;
  let heredocEnd: string | null = null;
  let yamlBlockIndent = -1;
  let continuation = false;
  let tomlArray = false;
  let seenCode = false;

  const docker = { lines: 0, kinds: new Set<string>() };
  const yaml = { lines: 0, topKeys: new Set<string>(), nestedKeys: new Set<string>(), kinds: [] as string[] };
  const kv = { sections: 0, arrayTables: 0, dottedSections: 0, lines: 0, tomlValues: 0, iniValues: 0, neutral: 0 };
  let markupLines = 0;
  let jsonKeyLines = 0;

  for (const raw of lines) {
    const line = raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw.replace(/\s+$/, '');
    const t = line.trim();
    const indent = line.length - line.trimStart().length;

    // Inside a shell heredoc: the body belongs to another file, not to this snippet's language.
    if (heredocEnd !== null) {
      if (t === heredocEnd) heredocEnd = null;
      continue;
    }
    // Inside a YAML block scalar (`run: |`): the body is text (often shell), still YAML structure.
    if (yamlBlockIndent >= 0) {
      if (t === '' || indent > yamlBlockIndent) {
        if (t !== '') {
          yaml.lines++;
          significant++;
        }
        continue;
      }
      yamlBlockIndent = -1;
    }
    if (t === '') {
      continuation = false;
      continue;
    }
    // A continued line (`\` at the end of the previous one) belongs to the instruction before it.
    if (continuation) {
      continuation = t.endsWith('\\');
      continue;
    }
    continuation = t.endsWith('\\');

    // Comments and directives.
    if (t.startsWith('#!')) {
      if (!seenCode) {
        if (/\b(?:ba|z|k|da)?sh\b/.test(t)) add('bash', 6);
        else if (/\bpython/.test(t)) add('python', 6);
        else if (/\bnode\b/.test(t)) add('javascript', 6);
      }
      continue;
    }
    if (/^#\s*(?:syntax|escape)=/.test(t)) {
      add('dockerfile', 3);
      continue;
    }
    if (/^#(?:\s|#|$)/.test(t) || /^(?:\/\/|\/\*|\*\/?(?:\s|$))/.test(t)) continue;
    if (/^--(?:\s|$)/.test(t)) {
      add('sql', 0.5);
      continue;
    }
    if (/^;/.test(t)) {
      add('ini', 0.5);
      continue;
    }
    if (t.startsWith('<!--')) continue;
    seenCode = true;
    significant++;

    // Prompts: `$ cmd`, `user@host:~$ cmd`, `>>> expr`, `mysql> …`, `postgres=# …`, `PS C:\> …`.
    const shellPrompt = /^(?:[\w.-]+@[\w.-]+(?::[^$#\s]*)?\s?)?\$\s+(\S.*)$/.exec(t);
    if (shellPrompt) {
      prompts++;
      add('bash', 3);
      const heredoc = HEREDOC.exec(t);
      if (heredoc?.[2]) heredocEnd = heredoc[2];
      continue;
    }
    if (/^>>>\s/.test(t)) {
      add('python', 3);
      continue;
    }
    if (/^(?:mysql|mariadb|sqlite)>\s|^\w+=[#>]\s/.test(t)) {
      add('sql', 3);
      continue;
    }
    if (/^PS [A-Z]:\\[^>]*>\s/.test(t)) {
      add('powershell', 3);
      continue;
    }

    const heredoc = HEREDOC.exec(t);
    if (heredoc?.[2] && !/^[A-Z]+\s/.test(t)) {
      add('bash', 2);
      heredocEnd = heredoc[2];
    }

    // Dockerfile structure.
    const instruction = DOCKER_INSTRUCTION.exec(t);
    if (instruction?.[1] && !(instruction[1] === 'COPY' && SQL_COPY.test(t))) {
      docker.lines++;
      docker.kinds.add(instruction[1]);
    }

    // YAML structure.
    const key = YAML_KEY.exec(t);
    if (key && !YAML_NOT_KEYS.has(key[2] ?? '') && !/[,;{(]$/.test(key[3] ?? '') && !/^\/\//.test(key[3] ?? '')) {
      yaml.lines++;
      const name = (key[2] ?? '').replace(/^["']|["']$/g, '');
      if (indent === 0 && !key[1]) {
        yaml.topKeys.add(name);
        if (name === 'kind' && key[3]) yaml.kinds.push(key[3].trim());
      } else {
        yaml.nestedKeys.add(name);
      }
      if (YAML_BLOCK_SCALAR.test(t)) yamlBlockIndent = indent;
    } else if (/^-(?:\s|$)/.test(t) || /^(?:---|\.\.\.)(?:\s|$)/.test(t)) {
      yaml.lines++;
    }

    // INI / TOML structure.
    if (tomlArray) {
      kv.lines++;
      if (/^\]/.test(t)) tomlArray = false;
    } else if (TOML_ARRAY_TABLE.test(t)) {
      kv.arrayTables++;
      kv.lines++;
    } else if (INI_SECTION.test(t)) {
      kv.sections++;
      kv.lines++;
      if (/^\[[\w-]+\.[\w.-]+\]$/.test(t)) kv.dottedSections++;
    } else {
      const pair = KEY_VALUE.exec(t);
      if (pair) {
        kv.lines++;
        const value = (pair[2] ?? '').replace(/\s+#.*$/, '').trim();
        if (NEUTRAL_VALUE.test(value) || value === '') kv.neutral++;
        else if (TOML_VALUE.test(value)) {
          kv.tomlValues++;
          if (value.startsWith('[') && !value.includes(']')) tomlArray = true;
        } else kv.iniValues++;
      }
    }

    if (/^<[!?/]?[A-Za-z]/.test(t)) markupLines++;
    if (/^"[^"]+"\s*:/.test(t)) jsonKeyLines++;

    for (const signal of SIGNALS) if (signal.re.test(t)) addSignal(signal);
  }

  // Dockerfile: at least two kinds of instruction, and they make up most of the snippet.
  if (docker.kinds.size >= 2 && significant > 0) {
    const share = docker.lines / significant;
    if (share >= 0.6) add('dockerfile', 3 * docker.lines);
    else if (share >= 0.3) add('dockerfile', docker.lines);
  }

  // YAML: mostly key/list lines; docker-compose and Kubernetes manifests are YAML with a bonus.
  if (yaml.lines > 0 && significant > 0) {
    const share = yaml.lines / significant;
    if (share >= 0.8 && yaml.lines >= 2) add('yaml', yaml.lines);
    else add('yaml', Math.min(yaml.lines * 0.5, 2));
    if (share >= 0.5) {
      const top = yaml.topKeys;
      const nested = yaml.nestedKeys;
      if (top.has('apiVersion') && top.has('kind')) add('yaml', 8);
      if (top.has('services') && ['image', 'build', 'ports', 'volumes', 'environment', 'depends_on'].some((k) => nested.has(k))) {
        add('yaml', 6);
      }
      if (top.has('jobs') && (top.has('on') || nested.has('runs-on'))) add('yaml', 4);
      if (nested.has('hosts') && nested.has('tasks')) add('yaml', 3);
    }
  }

  // INI / TOML: need a section header, and key/value lines making up most of the snippet.
  const sections = kv.sections + kv.arrayTables;
  if (sections > 0 && significant > 0 && kv.lines / significant >= 0.8) {
    add('toml', kv.sections + 1.5 * kv.tomlValues + 0.5 * kv.neutral + 4 * kv.arrayTables + kv.dottedSections);
    add('ini', kv.sections + 1.5 * kv.iniValues + 0.5 * kv.neutral);
  }

  // JSON: parses as an object or array (decisive), or looks like one (JSONC, elided or broken JSON).
  const trimmed = code.trim();
  if (/^[[{]/.test(trimmed) && /[\]}]$/.test(trimmed)) {
    if (trimmed.length <= MAX_JSON_PARSE && parsesAsJson(trimmed)) add('json', Math.max(10, 2 * significant));
    else if (jsonKeyLines > 0 && jsonKeyLines / Math.max(significant, 1) >= 0.4) add('json', 2 * jsonKeyLines);
  }

  // Markup: XML when declared so or when the tags are not HTML's.
  if (scores.has('xml')) {
    add('xml', markupLines);
    scores.delete('html');
  } else if (markupLines / Math.max(significant, 1) >= 0.7 && !scores.has('html')) {
    add('xml', markupLines);
  }

  // Families: TypeScript is JavaScript plus types; C++ is C plus its own library and syntax.
  const js = scores.get('javascript') ?? 0;
  const tsDeclarations = scores.get('tsdecl') ?? 0;
  const tsExtra = (scores.get('ts') ?? 0) + tsDeclarations;
  scores.delete('ts');
  scores.delete('tsdecl');
  if (tsExtra >= 3 && (js > 0 || tsDeclarations > 0)) {
    scores.set('typescript', js + tsExtra);
    scores.delete('javascript');
  }
  const c = scores.get('c') ?? 0;
  const cppExtra = scores.get('cppx') ?? 0;
  scores.delete('cppx');
  if (cppExtra >= 3) {
    scores.set('cpp', c + cppExtra);
    scores.delete('c');
  }

  return { scores, significant, prompts, yamlTopKeys: yaml.topKeys, yamlKinds: yaml.kinds };
}

function sampleLines(code: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < SAMPLE_LINES && start <= code.length) {
    let end = code.indexOf('\n', start);
    if (end < 0) end = code.length;
    lines.push(code.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
  }
  return lines;
}

function parsesAsJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

interface Ranked {
  lang: string;
  score: number;
}

function rank(scores: Map<string, number>): [Ranked | undefined, number] {
  const sorted = [...scores].map(([lang, score]) => ({ lang, score })).filter((r) => r.score > 0);
  sorted.sort((a, b) => b.score - a.score);
  return [sorted[0], sorted[1]?.score ?? 0];
}

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

/** Labels for deliberate non-code (or code the detector cannot judge): never second-guessed. */
const OPAQUE = new Set([
  'text', 'output', 'out', 'error', 'warning', 'log', 'console', 'markdown', 'mermaid', 'diff', 'patch', 'csv', 'tsv',
  'result', 'stdout', 'stderr', 'math', 'latex', 'tex', 'dot', 'graphviz', 'plantuml', 'http', 'pycon', 'ipython',
]);
/** Labels that say "some code" without naming a language (Carpentries' `source`). */
const UNSPECIFIC = new Set(['source', 'code']);
/** Languages `analyse` can score. */
const MODELLED = new Set([
  'bash', 'python', 'sql', 'javascript', 'typescript', 'hcl', 'nginx', 'html', 'xml', 'css', 'go', 'java',
  'rust', 'c', 'cpp', 'ruby', 'powershell', 'dockerfile', 'yaml', 'json', 'ini', 'toml',
]);

/**
 * Declared labels that are right for content detected as a narrower language: plain JavaScript is
 * valid TypeScript, and a JSON literal is a valid JavaScript/TypeScript expression.
 */
const SUPERSETS: Record<string, readonly string[]> = {
  typescript: ['javascript', 'json'],
  javascript: ['json'],
  cpp: ['c'],
};

/** Detects what the code really is; falls back to the declared language when the content gives no clear signal. */
export function detectLanguage(code: string, declared: string | null): string | null {
  let fallback: string | null = null;
  try {
    fallback = normalizeLanguage(declared);
    if (typeof code !== 'string' || code.trim() === '') return fallback;
    if (fallback !== null && OPAQUE.has(fallback)) return fallback;
    return decide(analyse(code), fallback);
  } catch {
    return fallback;
  }
}

function decide(analysis: Analysis, declared: string | null): string | null {
  const [best, second] = rank(analysis.scores);
  if (!best) return declared;
  if (declared === null || UNSPECIFIC.has(declared)) {
    // Unlabelled: a modest but unambiguous signal is enough.
    return best.score >= 2 && best.score >= 1.5 * second ? best.lang : declared;
  }
  if (best.lang === declared || SUPERSETS[declared]?.includes(best.lang)) return declared;
  if (MODELLED.has(declared)) {
    // Labelled with a language we know: override only when the content is clearly something else
    // and offers little support for the label.
    const support = analysis.scores.get(declared) ?? 0;
    if (best.score >= 5 && best.score >= 2 * second && best.score >= 4 * support) return best.lang;
    return declared;
  }
  // Labelled with a language we cannot score (r, kotlin, lua, …): demand overwhelming evidence.
  return best.score >= 10 && best.score >= 3 * second ? best.lang : declared;
}

/**
 * True when `declared` and `detected` name the same language family.
 *
 * Choices:
 * - strict equality after normalisation is the rule (so `yaml` vs `json`, `ini` vs `toml`,
 *   `yaml` vs `dockerfile` disagree);
 * - a missing side (`null`: unlabelled fence, or nothing detected) is no evidence of disagreement → true;
 * - supersets agree: a `typescript` label on plain JavaScript (or JSON), a `javascript` label on a
 *   JSON literal, a `cpp` label on C. The reverse (a `javascript` label on code with type
 *   annotations) disagrees, because that code does not run as JavaScript;
 * - `console` (a terminal transcript) agrees with `bash`;
 * - `text`, `output`, `console` and friends are agreement-neutral only when detection is
 *   inconclusive — and `detectLanguage` then returns the label itself, so equality covers it; a
 *   caller passing e.g. (`text`, `python`) gets false.
 */
export function languagesAgree(declared: string | null, detected: string | null): boolean {
  const a = normalizeLanguage(declared);
  const b = normalizeLanguage(detected);
  if (a === null || b === null || a === b) return true;
  if (SUPERSETS[a]?.includes(b)) return true;
  const shell = new Set(['bash', 'console']);
  return shell.has(a) && shell.has(b);
}

// ---------------------------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------------------------

const EXTENSION_LANGUAGES: Record<string, readonly string[]> = {
  yml: ['yaml'],
  yaml: ['yaml'],
  json: ['json'],
  sql: ['sql'],
  tf: ['hcl'],
  tfvars: ['hcl'],
  hcl: ['hcl'],
  py: ['python'],
  js: ['javascript'],
  mjs: ['javascript'],
  cjs: ['javascript'],
  jsx: ['javascript', 'jsx'],
  ts: ['typescript', 'javascript'],
  tsx: ['typescript', 'tsx', 'javascript'],
  sh: ['bash'],
  bash: ['bash'],
  conf: ['nginx', 'ini', 'text'],
  ini: ['ini'],
  cfg: ['ini'],
  properties: ['ini'],
  env: ['bash', 'ini', 'text'],
  toml: ['toml'],
  html: ['html'],
  css: ['css'],
  go: ['go'],
  rs: ['rust'],
  java: ['java'],
  c: ['c'],
  h: ['c', 'cpp'],
  cpp: ['cpp'],
  rb: ['ruby'],
  ps1: ['powershell'],
  md: ['markdown'],
  xml: ['xml', 'html'],
  txt: ['text'],
};
const SPECIAL_FILES: Record<string, readonly string[]> = {
  dockerfile: ['dockerfile'],
  containerfile: ['dockerfile'],
};
const FILE_NAME = new RegExp(
  `(?:^|[\\s\`'"(/:])((?:[\\w.-]+/)*(?:[\\w-][\\w.-]*\\.(?:${Object.keys(EXTENSION_LANGUAGES).join('|')})|Dockerfile(?:\\.[\\w-]+)?|Containerfile|Makefile|Procfile|Jenkinsfile|Vagrantfile|Gemfile))(?=$|[\\s\`'",;:)!?])`,
);
/** Technology names that look like file names. */
const NOT_FILES = /^(?:node|vue|next|nuxt|express|react|d3|three|chart|ember|backbone|angular|moment|p5|ml5|alpine|nest|meteor|socket\.io)\.js$/i;
/** Labels for which a file name makes no sense. */
const NO_FILE = new Set(['text', 'output', 'out', 'error', 'warning', 'log', 'console', 'diff', 'patch', 'mermaid']);

/** Suggested file name for a code example, or null: Dockerfile, docker-compose.yml, deployment.yaml, schema.sql, main.tf, app.py, config.json, index.js, script.sh, nginx.conf, ... */
export function inferFileName(code: string, language: string | null, title?: string): string | null {
  try {
    const text = typeof code === 'string' ? code : '';
    const declared = normalizeLanguage(language);
    if (declared !== null && NO_FILE.has(declared)) return null;
    const lang = declared ?? (text.trim() ? detectLanguage(text, null) : null);

    // A file name given by the author wins: in the title, or in a leading comment (`# app.py`).
    const named = fileNameIn(title) ?? fileNameInComment(text);
    if (named !== null && fitsLanguage(named, lang)) return named;

    if (lang === null) return null;
    return fileNameFor(text, lang);
  } catch {
    return null;
  }
}

/**
 * The file name the author gave an example (in its title, or a leading `# file:` comment) when it fits
 * the language, else null: never a guess.
 */
export function statedFileName(code: string, language: string | null, title?: string): string | null {
  try {
    const declared = normalizeLanguage(language);
    if (declared !== null && NO_FILE.has(declared)) return null;
    const named = fileNameIn(title) ?? fileNameInComment(typeof code === 'string' ? code : '');
    return named !== null && fitsLanguage(named, declared) ? named : null;
  } catch {
    return null;
  }
}

/** File names that tools expect by that name: guessing one of these invents nothing. */
export const CONVENTIONAL_FILE_NAMES: ReadonlySet<string> = new Set([
  'Dockerfile', 'docker-compose.yml', 'compose.yaml', 'package.json', 'tsconfig.json', 'pyproject.toml', 'Cargo.toml', 'pom.xml',
]);

/** Every file name written in a piece of prose (`web.yaml`, `Dockerfile`), in order, without repeats. */
export function fileNamesIn(text: string): string[] {
  const names: string[] = [];
  const global = new RegExp(FILE_NAME.source, 'g');
  for (const match of text.matchAll(global)) {
    const path = match[1]!;
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (!NOT_FILES.test(base) && !names.includes(base)) names.push(base);
  }
  return names;
}

function fileNameIn(text: string | undefined): string | null {
  if (typeof text !== 'string' || text === '') return null;
  const match = FILE_NAME.exec(text);
  const path = match?.[1];
  if (!path) return null;
  const base = path.slice(path.lastIndexOf('/') + 1);
  return NOT_FILES.test(base) ? null : base;
}

function fileNameInComment(code: string): string | null {
  for (const line of sampleLines(code).slice(0, 5)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#!')) continue;
    const comment = /^(?:#|\/\/|--|;|<!--|\/\*)\s*(?:file(?:name)?\s*:\s*)?(\S+?)\s*(?:-->|\*\/)?$/i.exec(t);
    return comment?.[1] ? fileNameIn(comment[1]) : null;
  }
  return null;
}

function fitsLanguage(name: string, lang: string | null): boolean {
  if (lang === null) return true;
  const lower = name.toLowerCase();
  const special = SPECIAL_FILES[lower.replace(/\..*$/, '')];
  if (special) return special.includes(lang);
  const dot = lower.lastIndexOf('.');
  if (dot < 0) return true; // Makefile, Procfile, …: no claim about the language
  const langs = EXTENSION_LANGUAGES[lower.slice(dot + 1)];
  return langs === undefined || langs.includes(lang);
}

function fileNameFor(code: string, lang: string): string | null {
  switch (lang) {
    case 'dockerfile':
      return 'Dockerfile';
    case 'yaml':
      return yamlFileName(code);
    case 'json':
      return jsonFileName(code);
    case 'sql':
      return /^\s*(?:create|alter)\s+(?:table|index|view|schema|type|extension)\b/im.test(code) ? 'schema.sql' : 'query.sql';
    case 'hcl':
      return hclFileName(code);
    case 'python':
      return /^\s*def\s+test_\w+/m.test(code) ? 'test_app.py' : 'app.py';
    case 'javascript':
      return 'index.js';
    case 'typescript':
      return 'index.ts';
    case 'bash': {
      // A terminal transcript (`$ cmd` prompts) is typed, not saved.
      const analysis = analyse(code);
      return analysis.prompts > 0 ? null : 'script.sh';
    }
    case 'nginx':
      return 'nginx.conf';
    case 'ini':
      return 'config.ini';
    case 'toml':
      if (/^\s*\[(?:tool\.[\w.-]+|project|build-system)\]/m.test(code)) return 'pyproject.toml';
      if (/^\s*\[package\]/m.test(code)) return 'Cargo.toml';
      return 'config.toml';
    case 'html':
      return 'index.html';
    case 'xml':
      return /<project[\s>]/.test(code) && /<groupId>/.test(code) ? 'pom.xml' : 'config.xml';
    case 'css':
      return 'styles.css';
    case 'go':
      return 'main.go';
    case 'java':
      return `${/\bpublic\s+(?:final\s+|abstract\s+)?(?:class|interface|enum|record)\s+(\w+)/.exec(code)?.[1] ?? 'Main'}.java`;
    case 'rust':
      return 'main.rs';
    case 'c':
      return 'main.c';
    case 'cpp':
      return 'main.cpp';
    case 'ruby':
      return 'app.rb';
    case 'powershell':
      return 'script.ps1';
    default:
      return null;
  }
}

function yamlFileName(code: string): string {
  const { yamlTopKeys: top, yamlKinds: kinds } = analyse(code);
  if (top.has('services') && !top.has('apiVersion')) return 'docker-compose.yml';
  const kind = kinds[0]?.replace(/["']/g, '');
  if (top.has('apiVersion') && kind && /^\w+$/.test(kind)) return `${kind.toLowerCase()}.yaml`;
  if (top.has('jobs') && (top.has('on') || /\bruns-on\s*:/.test(code))) return 'workflow.yml';
  if (/^\s*-?\s*hosts\s*:/m.test(code) && /^\s*tasks\s*:/m.test(code)) return 'playbook.yml';
  return 'config.yaml';
}

function jsonFileName(code: string): string {
  if (/"compilerOptions"\s*:/.test(code)) return 'tsconfig.json';
  if (/"name"\s*:/.test(code) && /"(?:dependencies|devDependencies|scripts)"\s*:/.test(code)) return 'package.json';
  return /^\s*\[/.test(code) ? 'data.json' : 'config.json';
}

function hclFileName(code: string): string {
  const blocks = [...code.matchAll(/^\s*(resource|data|provider|variable|output|module|terraform|locals)\b/gm)].map((m) => m[1]);
  if (blocks.length > 0 && blocks.every((b) => b === 'variable')) return 'variables.tf';
  if (blocks.length > 0 && blocks.every((b) => b === 'output')) return 'outputs.tf';
  return 'main.tf';
}
