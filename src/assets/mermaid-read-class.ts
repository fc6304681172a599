/**
 * The readers of the two diagram kinds made of boxes with members and relations with ends: class
 * diagrams (classes, members, namespaces as groups, relations with multiplicities) and
 * entity-relationship diagrams (entities, attributes, relations with their cardinality marks).
 */
import type { MermaidStructure, StructureNode } from './mermaid-structure.js';
import { addNode, cleanText, directions } from './mermaid-read-shared.js';

const CLASS_NAME = String.raw`[\p{L}\p{N}_.\-]+(?:~[^~]*~)?|` + '`[^`]+`';
const CLASS_RELATION = new RegExp(
  String.raw`^(${CLASS_NAME})\s*(?:"([^"]*)"\s*)?((?:<\||\*|o|<|\(\))?(?:--|\.\.)(?:\|>|\*|o|>|\(\))?)\s*(?:"([^"]*)"\s*)?(${CLASS_NAME})\s*(?::\s*(.*))?$`,
  'u',
);

function className(raw: string): string {
  return raw.replace(/^`|`$/g, '').replace(/~([^~]*)~/g, '<$1>');
}

/** Reads a class diagram's classes, members, namespaces and relations into `structure`. */
export function readClass(body: string[], structure: MermaidStructure): void {
  let open: StructureNode | null = null;
  const namespaces: string[] = [];
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    if (open) {
      if (line === '}') open = null;
      else if (line && !/^<<.*>>$/.test(line)) open.details.push(cleanText(line));
      continue;
    }
    const namespace = /^namespace\s+(\S+)\s*\{$/.exec(line);
    if (namespace) {
      structure.groups.push({ id: namespace[1] as string, label: namespace[1] as string, parent: namespaces.at(-1) ?? null });
      namespaces.push(namespace[1] as string);
      continue;
    }
    if (line === '}') {
      namespaces.pop();
      continue;
    }
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    if (/^(?:note|classDef|cssClass|style|click|link|callback)\b/.test(line) || /^<<.*>>/.test(line)) continue;
    const declaration = new RegExp(String.raw`^class\s+(${CLASS_NAME})(?:\["([^"]*)"\])?\s*(?::::\S+)?\s*(\{)?\s*(.*?)\s*\}?$`, 'u').exec(line);
    if (declaration) {
      const id = className(declaration[1] as string);
      const node = addNode(structure, id, declaration[2] ? cleanText(declaration[2]) : null, '', namespaces.at(-1) ?? null);
      if (declaration[3]) {
        const inline = (declaration[4] ?? '').trim();
        if (inline && !line.endsWith('}')) open = node;
        else if (!line.endsWith('}')) open = node;
        if (inline && !/^<<.*>>$/.test(inline)) node.details.push(cleanText(inline));
      }
      continue;
    }
    const relation = CLASS_RELATION.exec(line);
    if (relation) {
      const from = className(relation[1] as string);
      const to = className(relation[5] as string);
      addNode(structure, from, null, '', namespaces.at(-1) ?? null);
      addNode(structure, to, null, '', namespaces.at(-1) ?? null);
      structure.edges.push({
        from,
        to,
        label: cleanText(relation[6] ?? ''),
        arrow: relation[3] as string,
        fromEnd: relation[2] ?? '',
        toEnd: relation[4] ?? '',
      });
      continue;
    }
    const member = new RegExp(String.raw`^(${CLASS_NAME})\s*:\s*(.+)$`, 'u').exec(line);
    if (member) {
      addNode(structure, className(member[1] as string), null, '', namespaces.at(-1) ?? null).details.push(cleanText(member[2] as string));
    }
  }
}

const ER_RELATION = /^("[^"]+"|[\p{L}\p{N}_-]+)(?:\[[^\]]*\])?\s*([|}][|o]|[|o][|{]|\|o|o\|)\s*(--|\.\.)\s*([|o][|{]|[|}][|o]|o\||\|o)\s*("[^"]+"|[\p{L}\p{N}_-]+)(?:\[[^\]]*\])?\s*:\s*(.*)$/u;

/** Reads an entity-relationship diagram's entities, attributes and relations into `structure`. */
export function readEr(body: string[], structure: MermaidStructure): void {
  let open: StructureNode | null = null;
  const entity = (raw: string) => {
    const alias = /^([\p{L}\p{N}_-]+)\[(.*)\]$/u.exec(raw);
    return alias ? addNode(structure, alias[1] as string, cleanText(alias[2] as string), '', null) : addNode(structure, raw.replace(/^"|"$/g, ''), null, '', null);
  };
  for (const raw of body) {
    const line = raw.trim().replace(/;$/, '');
    if (open) {
      if (line === '}') open = null;
      else {
        // `string name PK "comment"`: the attribute's name, then its type.
        const attribute = /^(\S+)\s+(\S+)/.exec(line);
        if (attribute) open.details.push(`${attribute[2]} (${attribute[1]})`);
      }
      continue;
    }
    const direction = /^direction\s+(TD|TB|BT|LR|RL)$/.exec(line);
    if (direction) {
      structure.direction = directions[direction[1] as string] ?? structure.direction;
      continue;
    }
    const block = /^("[^"]+"|[\p{L}\p{N}_-]+(?:\[[^\]]*\])?)\s*\{\s*(\}?)$/u.exec(line);
    if (block) {
      const node = entity(block[1] as string);
      if (!block[2]) open = node;
      continue;
    }
    const relation = ER_RELATION.exec(line);
    if (relation) {
      const from = entity(relation[1] as string).id;
      const to = entity(relation[5] as string).id;
      structure.edges.push({
        from,
        to,
        label: cleanText(relation[6] as string),
        arrow: `${relation[2]}${relation[3]}${relation[4]}`,
        fromEnd: relation[2] as string,
        toEnd: relation[4] as string,
      });
      continue;
    }
    const lone = /^("[^"]+"|[\p{L}\p{N}_-]+(?:\[[^\]]*\])?)$/u.exec(line);
    if (lone && !/^(?:style|classDef|class)$/.test(line)) entity(lone[1] as string);
  }
}
