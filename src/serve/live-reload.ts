/**
 * Live reload for `lectern serve`, added to the HTML as it is served (never to the files on disk):
 * an external script that listens for Server-Sent Events, and the page's Content-Security-Policy
 * widened just enough to let it run and connect. Pure: strings in, strings out.
 */

/** Where the client script is served. */
export const RELOAD_SCRIPT_PATH = '/__lectern/reload.js';
/** The Server-Sent Events stream: a `reload` event after every build. */
export const EVENTS_PATH = '/__lectern/events';

/** The client: reloads on a `reload` event, and after the server comes back from a restart. */
export const reloadClient = `// Lectern live reload (lectern serve only; not part of the built files).
(() => {
  if (typeof EventSource !== 'function') return;
  let lost = false;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('error', () => { lost = true; });
  events.addEventListener('open', () => { if (lost) location.reload(); });
})();
`;

const TAG = `<script src="${RELOAD_SCRIPT_PATH}"></script>`;

/** The policy with our script (`'self'`) and its event stream (`connect-src 'self'`) allowed; nothing else changes. */
export function allowLiveReload(policy: string): string {
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '')
    .map((directive) => {
      const [name = '', ...sources] = directive.split(/\s+/);
      return { name: name.toLowerCase(), sources };
    });
  const find = (name: string) => directives.find((directive) => directive.name === name);
  const fallback = find('default-src');
  for (const name of ['script-src', 'connect-src']) {
    let directive = find(name);
    if (!directive) {
      // Without its own directive the kind falls back to default-src; with neither, anything goes.
      if (!fallback) continue;
      directive = { name, sources: [...fallback.sources] };
      directives.push(directive);
    }
    const sources = directive.sources.filter((source) => source.toLowerCase() !== "'none'");
    const open = sources.some((source) => source === '*' || source.toLowerCase() === "'self'");
    directive.sources = open ? sources : [...sources, "'self'"];
  }
  return directives.map((directive) => [directive.name, ...directive.sources].join(' ')).join('; ');
}

const META_CSP = /<meta\b[^>]*?\bhttp-equiv\s*=\s*(["']?)content-security-policy\1[^>]*>/gi;
const CONTENT = /(\bcontent\s*=\s*)(?:"([^"]*)"|'([^']*)')/i;

/** The served copy of a page: the policy widened (see `allowLiveReload`) and the client script added to the head. */
export function injectLiveReload(html: string): string {
  const withPolicy = html.replace(META_CSP, (meta) =>
    meta.replace(CONTENT, (_match, prefix: string, double?: string, single?: string) => {
      const policy = unescapeAttribute(double ?? single ?? '');
      return `${prefix}"${escapeAttribute(allowLiveReload(policy))}"`;
    }),
  );
  const head = /<\/head\s*>/i.exec(withPolicy);
  if (head) return `${withPolicy.slice(0, head.index)}${TAG}\n${withPolicy.slice(head.index)}`;
  const body = /<\/body\s*>/i.exec(withPolicy);
  if (body) return `${withPolicy.slice(0, body.index)}${TAG}\n${withPolicy.slice(body.index)}`;
  return `${withPolicy}\n${TAG}\n`;
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
