/** nginx configuration: a whole `nginx.conf` or a `server` block for `conf.d`. */

import type { LanguagePack } from '../pack.js';
import { braceStarter } from '../brace-starter.js';
import { code, listing } from '../starter-kit.js';

const SYNTAX_OK = 'nginx reports “syntax is ok” and “test is successful”.';

export const nginx: LanguagePack = {
  kind: 'nginx',
  aliases: ['nginxconf'],
  signals: [
    { lang: 'nginx', re: /^(?:server|http|events|stream|upstream\s+[\w-]+)\s*\{$/, weight: 3 },
    { lang: 'nginx', re: /^location\s+(?:=|~\*?|\^~)?\s*\S+\s*\{$/, weight: 4 },
    { lang: 'nginx', re: /^listen\s+[\w.:[\]]+(?:\s+\w+)*;$/, weight: 4 },
    {
      lang: 'nginx',
      re: /^(?:server_name|root|proxy_pass|proxy_set_header|proxy_http_version|try_files|index|access_log|error_log|worker_processes|worker_connections|gzip|ssl_certificate|ssl_certificate_key|add_header|rewrite|client_max_body_size|sendfile|keepalive_timeout|default_type|fastcgi_pass|autoindex)\s+[^;]*;$/,
      weight: 2,
      cap: 12,
    },
  ],
  extensions: ['conf'],
  fileName: () => 'nginx.conf',
  starter: (text) => braceStarter(text, 'nginx'),
  role: 'config',
  lab: {
    label: 'nginx configuration',
    steps: ['Put each directive in the block it belongs to (`server`, `location`, …).'],
    mistakes: ['Directives in the wrong context (e.g. `proxy_cache_path` inside `server`)', 'Missing semicolons'],
    watch: ['`nginx -t` needs the directives in the right context; most errors name the line.'],
    // A whole configuration (`events`, `http`) is tested as is; a `server` block inside the stock one.
    check: (fileName, text) =>
      /^\s*(?:events|http)\s*\{/m.test(text)
        ? { command: `nginx -t -c "$PWD/${fileName}"`, expected: SYNTAX_OK }
        : { command: `docker run --rm -v "$PWD/${fileName}:/etc/nginx/conf.d/default.conf:ro" nginx:stable nginx -t`, expected: SYNTAX_OK },
    summary: (source) => {
      const listen = /^\s*listen\s([^;]+);/m.exec(source)?.[1]; // trimmed below
      const locations = [...source.matchAll(/^\s*location\s+([^{]+?)\s*\{/gm)].map((m) => code(m[1]!));
      const parts: string[] = [];
      if (listen) parts.push(`listens on ${code(listen.trim())}`);
      if (locations.length > 0) parts.push(`routes ${listing(locations)}`);
      return parts.length > 0 ? listing(parts) : null;
    },
  },
};
