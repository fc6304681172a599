/** The goal of a "write this file" task: a specification from the example's title and content. */

import type { Example } from '../model/lesson.js';
import { kubernetesObjects, sqlStatements, KIND_LABELS, type FileKind } from './file-kinds.js';
import { listing } from './starter-kit.js';

const code = (text: string) => `\`${text.replace(/`/g, '')}\``;

/** "Write the Dockerfile that …": a specification from the example's title and content, not its code. */
export function goalFor(kind: FileKind, fileName: string, example: Example): string {
  const title = example.title;
  const summary = summarise(kind, example.code);
  const label = KIND_LABELS[kind];
  const the = kind === 'dockerfile' ? 'the Dockerfile' : `the ${label} ${code(fileName)}`;
  return summary ? `Write ${the} that ${summary} (see “${title}”).` : `Write ${the} shown in “${title}”.`;
}

function summarise(kind: FileKind, source: string): string | null {
  switch (kind) {
    case 'dockerfile': {
      const parts: string[] = [];
      const base = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/im.exec(source)?.[1];
      if (base) parts.push(`builds on ${code(base)}`);
      const ports = [...source.matchAll(/^\s*EXPOSE\s+(.+)$/gim)].flatMap((m) => m[1]!.trim().split(/\s+/));
      if (ports.length > 0) parts.push(`exposes port${ports.length > 1 ? 's' : ''} ${listing(ports)}`);
      const cmd = /^\s*(?:CMD|ENTRYPOINT)\s+(.+)$/im.exec(source)?.[1];
      if (cmd) parts.push(`starts with ${code(execForm(cmd))}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'compose': {
      const services = topLevelChildren(source, 'services');
      const parts = services.length > 0 ? [`runs the service${services.length > 1 ? 's' : ''} ${listing(services.map(code))}`] : [];
      const volumes = topLevelChildren(source, 'volumes');
      if (volumes.length > 0) parts.push(`keeps data in the named volume${volumes.length > 1 ? 's' : ''} ${listing(volumes.map(code))}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'kubernetes': {
      const kinds = [...source.matchAll(/^kind\s*:\s*["']?(\w+)/gm)].map((m) => m[1]!);
      const replicas = /^\s+replicas\s*:\s*(\d+)/m.exec(source)?.[1];
      if (kinds.length === 0) return null;
      return `declares ${listing(kinds.map((k) => `a ${k}`))}${replicas ? ` with ${replicas} replicas` : ''}`;
    }
    case 'openapi': {
      const paths = [...source.matchAll(/^ {2}(\/[^\s:]*)\s*:/gm)].map((m) => code(m[1]!));
      return paths.length > 0 ? `describes ${listing(paths.slice(0, 4))}${paths.length > 4 ? ' and more' : ''}` : null;
    }
    case 'sql': {
      const tables = [...source.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([\w."]+)/gi)].map((m) => code(m[1]!.replace(/"/g, '')));
      const indexes = [...source.matchAll(/create\s+(?:unique\s+)?index\s+(?:if\s+not\s+exists\s+)?([\w"]+)/gi)].map((m) => code(m[1]!.replace(/"/g, '')));
      const parts: string[] = [];
      if (tables.length > 0) parts.push(`creates the table${tables.length > 1 ? 's' : ''} ${listing(tables)}`);
      if (indexes.length > 0) parts.push(`the index${indexes.length > 1 ? 'es' : ''} ${listing(indexes)}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'hcl': {
      const resources = [...source.matchAll(/^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/gm)].map((m) => code(`${m[1]}.${m[2]}`));
      return resources.length > 0 ? `declares ${listing(resources)}` : null;
    }
    case 'python': {
      const names = [...source.matchAll(/^(?:async\s+)?def\s+(\w+)|^class\s+(\w+)/gm)].map((m) => code(m[1] ?? m[2]!));
      return names.length > 0 ? `defines ${listing(names.slice(0, 5))}` : null;
    }
    case 'javascript':
    case 'typescript': {
      const names = [...source.matchAll(/^(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s+(\w+)|^(?:export\s+)?class\s+(\w+)/gm)].map((m) => code(m[1] ?? m[2]!));
      const routes = [...source.matchAll(/^\w+\.(get|post|put|patch|delete)\(\s*['"`]([^'"`]+)/gm)].map((m) => code(`${m[1]!.toUpperCase()} ${m[2]}`));
      const parts: string[] = [];
      if (names.length > 0) parts.push(`defines ${listing(names.slice(0, 5))}`);
      if (routes.length > 0) parts.push(`handles ${listing(routes.slice(0, 5))}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    case 'nginx': {
      const listen = /^\s*listen\s+([^;]+);/m.exec(source)?.[1];
      const locations = [...source.matchAll(/^\s*location\s+([^{]+?)\s*\{/gm)].map((m) => code(m[1]!));
      const parts: string[] = [];
      if (listen) parts.push(`listens on ${code(listen.trim())}`);
      if (locations.length > 0) parts.push(`routes ${listing(locations)}`);
      return parts.length > 0 ? listing(parts) : null;
    }
    default:
      return null;
  }
}

function execForm(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return trimmed;
  try {
    const parts: unknown = JSON.parse(trimmed);
    if (Array.isArray(parts)) return parts.map(String).join(' ');
  } catch {
    // shell form with brackets: print as written
  }
  return trimmed;
}

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
    const match = /^\s*([\w.-]+)\s*:/.exec(line);
    if (current === indent && match) names.push(match[1]!);
  }
  return names;
}
