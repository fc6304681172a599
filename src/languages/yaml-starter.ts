/** YAML starter (Compose, Kubernetes, CI and other YAML): keys kept, values replaced by TODO hints. */

import { own } from './own.js';
import { todo } from './starter-kit.js';

const YAML_HINTS: Record<string, string> = {
  version: 'set the version',
  title: 'set the title',
  description: 'write the description',
  get: 'describe the GET operation',
  post: 'describe the POST operation',
  put: 'describe the PUT operation',
  patch: 'describe the PATCH operation',
  delete: 'describe the DELETE operation',
  parameters: 'describe the parameters',
  responses: 'describe the responses',
  requestBody: 'describe the request body',
  image: 'choose the image',
  build: 'set the build context',
  ports: 'publish the ports',
  environment: 'set the environment variables',
  env: 'set the environment variables',
  depends_on: 'list the services this one depends on',
  volumes: 'mount or declare the volumes',
  networks: 'attach or declare the networks',
  command: 'set the command',
  restart: 'set the restart policy',
  healthcheck: 'add a health check',
  driver: 'choose the driver',
  apiVersion: 'set the API version',
  kind: 'set the object kind',
  name: 'set the name',
  namespace: 'set the namespace',
  replicas: 'set the number of replicas',
  labels: 'set the labels',
  matchLabels: 'set the labels to match',
  selector: 'set the selector',
  containers: 'describe the containers',
  resources: 'set resource requests and limits',
  livenessProbe: 'add the liveness probe',
  readinessProbe: 'add the readiness probe',
  strategy: 'set the update strategy',
  spec: 'write the spec',
  metadata: 'set the metadata',
  template: 'describe the pod template',
  steps: 'list the steps',
  'runs-on': 'choose the runner',
  on: 'choose the triggers',
  tasks: 'list the tasks',
  hosts: 'choose the hosts',
  openapi: 'set the OpenAPI version',
  info: 'describe the API (title, version)',
  paths: 'describe the paths',
  components: 'declare the shared schemas',
  servers: 'list the servers',
};

const yamlHint = (key: string) => own(YAML_HINTS, key) ?? `set ${key}`;
/** Top-level Compose keys whose children are declarations: `volumes: {postgres_data: …}`. */
const DECLARED: Record<string, string> = { volumes: 'volume', networks: 'network', secrets: 'secret', configs: 'config', schemas: 'schema', securitySchemes: 'security scheme' };

interface YamlLine {
  indent: number;
  text: string;
  /** key of `key:` or `key: value` lines. */
  key: string | null;
  /** True for `key:` with nothing after it (a mapping or list follows). */
  container: boolean;
  item: boolean;
  keep: boolean;
}

export function yamlStarter(text: string): string[] {
  const lines: YamlLine[] = text.split('\n').map((raw) => {
    const trimmed = raw.trim();
    // A key is quoted (and may then hold a colon: `"http://example.com": allowed`) or plain.
    const match = /^(?:"([^"]+)"|'([^']+)'|([^"':#\s][^:#]*?))\s*:(?:\s+(.*))?$/.exec(trimmed);
    const key = match && !trimmed.startsWith('- ') ? (match[1] ?? match[2] ?? match[3])! : null;
    // Nothing after the colon but maybe a comment: a mapping or a list follows.
    const value = match?.[4] ?? '';
    return {
      indent: raw.length - raw.trimStart().length,
      text: raw,
      key,
      container: key !== null && (value === '' || value.startsWith('#')),
      item: trimmed.startsWith('- ') || trimmed === '-',
      keep: trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...',
    };
  });
  const out: string[] = [];
  // Depth of structure kept: the first two levels of mapping keys.
  const walk = (start: number, end: number, depth: number, parent = '') => {
    let i = start;
    while (i < end) {
      const line = lines[i]!;
      if (line.keep) {
        out.push(line.text);
        i++;
        continue;
      }
      let j = blockEnd(lines, i, end);
      const pad = ' '.repeat(line.indent);
      if (line.container && depth < 2 && hasMappingChild(lines.slice(i + 1, j))) {
        out.push(line.text);
        walk(i + 1, j, depth + 1, line.key!);
      } else if (line.item) {
        out.push(todo(pad, '#', depth === 0 ? 'add the list items' : 'add the items'));
        // Every sibling item shares one hint.
        while (j < end && lines[j]!.item) j = blockEnd(lines, j, end);
      } else if (line.key !== null) {
        out.push(todo(pad, '#', Object.hasOwn(DECLARED, parent) ? `declare the ${DECLARED[parent]} ${line.key}` : yamlHint(line.key)));
      } else {
        out.push(todo(pad, '#', 'complete this part'));
      }
      i = j;
    }
  };
  walk(0, lines.length, 0);
  // Trailing blank lines that belonged to skipped blocks.
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** Where the block owned by line `i` ends: the lines after it indented deeper, comments and blank lines among them. */
function blockEnd(lines: YamlLine[], i: number, end: number): number {
  let j = i + 1;
  while (j < end && (lines[j]!.keep ? nextContentIndent(lines, j, end) : lines[j]!.indent) > lines[i]!.indent) j++;
  return j;
}

function nextContentIndent(lines: YamlLine[], from: number, end: number): number {
  for (let k = from; k < end; k++) if (!lines[k]!.keep) return lines[k]!.indent;
  return -1;
}

/** Whether a block's first line, comments aside, is a mapping key (not a list item or a scalar). */
function hasMappingChild(block: YamlLine[]): boolean {
  return (block.find((line) => !line.keep)?.key ?? null) !== null;
}
