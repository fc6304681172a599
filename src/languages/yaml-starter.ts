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
    const indent = raw.length - raw.trimStart().length;
    const keep = trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...';
    const match = /^(["']?)([^"':#\s][^:#]*?)\1\s*:(?:\s+(.*))?$/.exec(trimmed);
    const value = match?.[3]?.replace(/\s+#.*$/, '').trim() ?? '';
    return {
      indent,
      text: raw,
      key: !keep && match && !trimmed.startsWith('- ') ? match[2]! : null,
      container: Boolean(match) && !trimmed.startsWith('- ') && value === '',
      item: trimmed.startsWith('- ') || trimmed === '-',
      keep,
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
      // The block owned by this line: following lines indented deeper (comments/blank lines included).
      let j = i + 1;
      while (j < end && (lines[j]!.keep ? nextContentIndent(lines, j, end) > line.indent : lines[j]!.indent > line.indent)) j++;
      const pad = ' '.repeat(line.indent);
      if (line.key !== null && line.container && depth < 2 && hasMappingChild(lines, i + 1, j, line.indent)) {
        out.push(line.text);
        walk(i + 1, j, depth + 1, line.key);
      } else if (line.item) {
        out.push(todo(pad, '#', depth === 0 ? 'add the list items' : 'add the items'));
        // Every sibling item shares one hint.
        while (j < end && !lines[j]!.keep && lines[j]!.item && lines[j]!.indent === line.indent) {
          let k = j + 1;
          while (k < end && (lines[k]!.keep ? nextContentIndent(lines, k, end) > line.indent : lines[k]!.indent > line.indent)) k++;
          j = k;
        }
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

function nextContentIndent(lines: YamlLine[], from: number, end: number): number {
  for (let k = from; k < end; k++) if (!lines[k]!.keep) return lines[k]!.indent;
  return -1;
}

function hasMappingChild(lines: YamlLine[], start: number, end: number, indent: number): boolean {
  for (let k = start; k < end; k++) {
    const line = lines[k]!;
    if (line.keep) continue;
    return line.indent > indent && line.key !== null;
  }
  return false;
}
