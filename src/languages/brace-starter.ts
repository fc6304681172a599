/** HCL (Terraform) and nginx starters: blocks kept, settings replaced by TODO hints. */

import { own } from './own.js';
import { indentOf, todo } from './starter-kit.js';

const NGINX_HINTS: Record<string, string> = {
  listen: 'set the port to listen on',
  server_name: 'set the server name',
  proxy_pass: 'forward requests to the upstream',
  proxy_set_header: 'pass the request headers on',
  proxy_cache: 'choose the cache zone',
  proxy_cache_path: 'declare the cache storage and zone',
  proxy_cache_valid: 'set how long responses stay cached',
  proxy_cache_key: 'set the cache key',
  proxy_cache_use_stale: 'allow stale responses when the upstream fails',
  add_header: 'add the response header',
  root: 'set the document root',
  index: 'set the index file',
  return: 'set the response',
  rewrite: 'rewrite the URL',
  gzip: 'configure compression',
  expires: 'set the expiry',
  server: 'add the upstream server',
};

/** HCL and nginx: block headers and closing braces kept; arguments and directives become hints. */
export function braceStarter(text: string, language: 'hcl' | 'nginx'): string[] {
  const out: string[] = [];
  let depth = 0;
  let skipUntil: number | null = null;
  let continued = false;
  let heredoc: string | null = null;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    // An HCL heredoc (`<<-EOF` … `EOF`) is the value of the setting before it: its lines are text.
    if (heredoc !== null) {
      if (trimmed === heredoc) heredoc = null;
      continue;
    }
    // nginx directives end at `;`: the lines of a multi-line directive share its hint.
    if (continued) {
      continued = !/[;{}]\s*(?:#.*)?$/.test(trimmed);
      continue;
    }
    // Brackets in quotes (nginx's JSON log formats, HCL's strings) open nothing.
    const code = trimmed.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '');
    const opens = (code.match(/[{[(]/g) ?? []).length;
    const closes = (code.match(/[}\])]/g) ?? []).length;
    if (skipUntil !== null) {
      depth += opens - closes;
      if (depth <= skipUntil) skipUntil = null;
      continue;
    }
    if (trimmed === '' || /^(?:#|\/\/|\/\*|\*)/.test(trimmed)) {
      out.push(line);
      continue;
    }
    if (/^[}\])]+;?\s*(?:#.*)?$/.test(trimmed)) {
      depth -= closes;
      out.push(line);
      continue;
    }
    const header = language === 'hcl' ? /^[\w-]+(?:\s+"[^"]*")*\s*\{$/.test(trimmed) : /^[\w-]+(?:\s[^{;]*)?\{$/.test(trimmed);
    if (header && depth < 3) {
      depth += opens - closes;
      out.push(line);
      continue;
    }
    const key = /^([\w-]+)/.exec(trimmed)?.[1];
    const hint =
      key === undefined
        ? 'complete this line'
        : language === 'nginx'
          ? (own(NGINX_HINTS, key) ?? `set ${key}`)
          : header
            ? `add the ${key} block`
            : `set ${key}`;
    out.push(todo(indentOf(line), '#', hint));
    heredoc = /<<-?(\w+)$/.exec(trimmed)?.[1] ?? null;
    if (language === 'nginx' && !/[;{}]\s*(?:#.*)?$/.test(trimmed)) continued = true;
    if (opens > closes) {
      skipUntil = depth;
      depth += opens - closes;
    }
  }
  return out;
}
