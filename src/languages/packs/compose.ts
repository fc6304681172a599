/** Docker Compose files: YAML with `services`. */

import type { LanguagePack } from '../pack.js';
import { yamlBonus } from '../snippet-facts.js';
import { code, listing } from '../starter-kit.js';

const SERVICE_KEYS = ['image', 'build', 'ports', 'volumes', 'environment', 'depends_on'];

export const compose: LanguagePack = {
  kind: 'compose',
  language: 'yaml',
  aliases: ['docker-compose', 'compose'],
  score: yamlBonus(6, ({ topKeys, nestedKeys }) => topKeys.has('services') && SERVICE_KEYS.some((k) => nestedKeys.has(k))),
  conventionalNames: ['docker-compose.yml', 'compose.yaml'],
  fileName: (_text, facts) => {
    const top = facts().yaml.topKeys;
    return top.has('services') && !top.has('apiVersion') ? 'docker-compose.yml' : null;
  },
  // The kind comes from the content (the guessed name says it); the name on the sheet may be the author's.
  matches: (fileName, _text, guessed) => /docker-compose|compose\.ya?ml/.test(fileName) || guessed() === 'docker-compose.yml',
  lab: {
    label: 'Compose file',
    steps: ['Give every service what it needs to start: an image or a build context, ports, environment and the services it depends on.'],
    mistakes: ['Indenting with tabs or mixing indentation levels', 'Using `localhost` instead of the service name to reach another container'],
    watch: ['YAML indentation is the usual failure: `docker compose config` names the line. Point out that service names are host names on the Compose network.'],
    check: () => ({ command: 'docker compose config', expected: 'Compose prints the resolved configuration, with every service, and no error.' }),
    summary: (source) => {
      const services = topLevelChildren(source, 'services');
      const parts = services.length > 0 ? [`runs the service${services.length > 1 ? 's' : ''} ${listing(services.map(code))}`] : [];
      const volumes = topLevelChildren(source, 'volumes');
      if (volumes.length > 0) parts.push(`keeps data in the named volume${volumes.length > 1 ? 's' : ''} ${listing(volumes.map(code))}`);
      return parts.length > 0 ? listing(parts) : null;
    },
  },
};

/** The keys one level under a top-level key (`services:` → `web`, `db`). */
function topLevelChildren(source: string, key: string): string[] {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^${key}\\s*:\\s*$`).test(line));
  if (start < 0) return [];
  const names: string[] = [];
  let indent: number | null = null;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const current = line.length - line.trimStart().length;
    if (current === 0) break;
    indent ??= current;
    const match = /^\s*["']?([\w.-]+)["']?\s*:/.exec(line); // `web:`, `"web":`
    if (current === indent && match) names.push(match[1]!);
  }
  return names;
}
