/** Per-line signals the detector scores a snippet with, and the line patterns it shares with them. */

// ---------------------------------------------------------------------------------------------
// Scoring
// ---------------------------------------------------------------------------------------------

export interface Signal {
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

export const SIGNALS: readonly Signal[] = [
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

export const DOCKER_INSTRUCTION =
  /^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\s+\S/;
/** SQL's `COPY t FROM 'file'` is not a Dockerfile instruction. */
export const SQL_COPY = /^COPY\s+\w+(?:\s*\(.*\))?\s+(?:FROM|TO)\s/i;
/** `key: value`, `key:`, `- key: value`; values ending like code (`,` `;` `{` `(`) do not count. */
export const YAML_KEY = /^(-\s+)?([A-Za-z_$][\w.\-/$]*|"[^"]+"|'[^']+')\s*:(?:\s+(.*))?$/;
export const YAML_NOT_KEYS = new Set(['else', 'try', 'finally', 'except', 'do', 'then', 'public', 'private', 'protected', 'default']);
export const YAML_BLOCK_SCALAR = /:\s*[|>][-+]?\d*\s*$/;
export const INI_SECTION = /^\[[^[\]]+\]$/;
export const TOML_ARRAY_TABLE = /^\[\[[^[\]]+\]\]$/;
export const KEY_VALUE = /^("[^"]*"|'[^']*'|[\w.-]+)\s*=\s*(.*)$/;
export const TOML_VALUE = /^(?:"[^"]*"|'[^']*'|"""|'''|\[.*|\{.*\}|\d{4}-\d{2}-\d{2}.*)$/;
export const NEUTRAL_VALUE = /^(?:true|false|[-+]?\d[\d_]*(?:\.\d+)?)$/i;
export const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_]\w*)\1/;
