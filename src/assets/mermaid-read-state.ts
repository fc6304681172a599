/**
 * The state diagram reader: states, composite states as groups, choices as decisions, transitions
 * with their labels, and state descriptions as details. `[*]` is a separate start or end state in
 * each composite, so a split part never joins two of them.
 */
import type { MermaidStructure } from './mermaid-structure.js';
import { addNode, cleanText, directions } from './mermaid-read-shared.js';

/** Reads a state diagram's states, composites and transitions into `structure`. */
export function readState(body: string[], structure: MermaidStructure): void {
  const stack: string[] = [];
  // `[*]` is a fresh start or end state in each composite; name them apart.
  const endpoint = (id: string, asSource: boolean) => {
    if (id !== '[*]') return id;
    const scope = stack.at(-1) ?? 'root';
    return asSource ? `[*]start:${scope}` : `[*]end:${scope}`;
  };
  let inNote = false;
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    if (inNote) {
      if (/^end\s+note$/i.test(line)) inNote = false;
      continue;
    }
    if (/^note\s+(?:left|right)\s+of\s+\S+\s*$/i.test(line)) {
      inNote = true;
      continue;
    }
    if (/^(?:note|classDef|class|style|click)\b/.test(line) || line === '--') continue;
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      if (stack.length === 0) structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    const composite = /^state\s+(?:"([^"]+)"\s+as\s+)?(\S+?)\s*\{$/.exec(line);
    if (composite) {
      const id = composite[2] as string;
      addNode(structure, id, composite[1] ? cleanText(composite[1]) : null, '', stack.at(-1) ?? null);
      structure.groups.push({ id, label: composite[1] ? cleanText(composite[1]) : id, parent: stack.at(-1) ?? null });
      stack.push(id);
      continue;
    }
    if (line === '}') {
      stack.pop();
      continue;
    }
    const alias = /^state\s+"([^"]+)"\s+as\s+(\S+)/.exec(line);
    if (alias) {
      addNode(structure, alias[2] as string, cleanText(alias[1] as string), '', stack.at(-1) ?? null);
      continue;
    }
    const special = /^state\s+(\S+)\s+<<(choice|fork|join)>>/.exec(line);
    if (special) {
      addNode(structure, special[1] as string, null, '', stack.at(-1) ?? null).decision = special[2] === 'choice';
      continue;
    }
    const transition = /^(\S+)\s*-->\s*(\S+?)\s*(?::\s*(.*))?$/.exec(line);
    if (transition) {
      const from = endpoint(transition[1] as string, true);
      const to = endpoint(transition[2] as string, false);
      for (const id of [from, to]) {
        if (id.startsWith('[*]')) {
          addNode(structure, id, id.startsWith('[*]start') ? 'Start' : 'End', '', stack.at(-1) ?? null);
        } else {
          addNode(structure, id, null, '', stack.at(-1) ?? null);
        }
      }
      structure.edges.push({ from, to, label: cleanText(transition[3] ?? ''), arrow: '-->', fromEnd: '', toEnd: '' });
      continue;
    }
    const description = /^([^\s:]+)\s*:\s*(.+)$/.exec(line);
    if (description) {
      addNode(structure, description[1] as string, null, '', stack.at(-1) ?? null).details.push(cleanText(description[2] as string));
      continue;
    }
    const bare = /^state\s+(\S+)$/.exec(line) ?? /^([\p{L}\p{N}_]+)$/u.exec(line);
    if (bare) addNode(structure, bare[1] as string, null, '', stack.at(-1) ?? null);
  }
}
