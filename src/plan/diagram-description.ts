/**
 * A diagram in words, from its Mermaid source: the figure's text alternative (alt text, the
 * handout's "Text description") and the narration of its speaker notes. Every node label and how
 * the nodes connect is said; an author's own `accTitle` / `accDescr` wins. Pure.
 */
import type { Diagram } from '../model/lesson.js';
import { readMermaid, type MermaidStructure, type StructureEdge } from '../assets/mermaid-structure.js';
import { listProse, sentence } from './notes.js';

const directionWords: Record<string, string> = {
  TB: 'top to bottom',
  BT: 'bottom to top',
  LR: 'left to right',
  RL: 'right to left',
};

/** The diagram's text alternative: the author's accTitle/accDescr when given, else the generated sentences. */
export function diagramDescription(code: string, structure: MermaidStructure = readMermaid(code)): string {
  if (structure.accDescr) return [structure.accTitle, structure.accDescr].filter((text): text is string => Boolean(text)).map(sentence).join(' ');
  return describeStructure(structure).join(' ');
}

/** Sentences for speaker notes: the author's description or the generated one, at most `max` (the rest counted). */
export function describeDiagram(diagram: Pick<Diagram, 'type' | 'code' | 'title'>, max = 12): string[] {
  let sentences: string[];
  try {
    const structure = readMermaid(diagram.code);
    sentences = structure.accDescr ? [sentence(structure.accDescr)] : describeStructure(structure).slice(1);
  } catch {
    sentences = [];
  }
  if (sentences.length === 0) return [`Walk through the ${diagram.type} diagram step by step, pointing at each part as you name it.`];
  if (sentences.length > max) {
    const rest = sentences.length - max;
    sentences = [...sentences.slice(0, max), `…and ${rest} more step${rest === 1 ? '' : 's'} in the diagram.`];
  }
  return sentences;
}

/** Sentences describing the diagram: the kind first ("Flowchart, top to bottom."), then what it shows. */
export function describeStructure(structure: MermaidStructure): string[] {
  switch (structure.kind) {
    case 'flowchart':
      return [opening('Flowchart', structure, true), ...describeGroups(structure, 'Group'), ...describeFlow(structure)];
    case 'sequence':
      return describeSequence(structure);
    case 'state':
      return [opening('State diagram', structure, true), ...describeGroups(structure, 'Composite state'), ...describeStates(structure)];
    case 'class':
      return [opening('Class diagram', structure, false), ...describeClasses(structure)];
    case 'er':
      return [opening('Entity-relationship diagram', structure, false), ...describeEntities(structure)];
    case 'mindmap':
      return describeMindmap(structure);
    case 'gantt':
    case 'timeline':
      return describeSections(structure);
    case 'pie':
      return describePie(structure);
    default: {
      const labels = structure.nodes.map((node) => node.label).filter(Boolean);
      return [
        `${capitalise(structure.kind)} diagram${structure.title ? ` “${structure.title}”` : ''}.`,
        ...(labels.length > 0 ? [`It shows ${listProse(labels)}.`] : []),
      ];
    }
  }
}

function opening(kind: string, structure: MermaidStructure, directed: boolean): string {
  const parts = [kind];
  if (structure.title) parts[0] = `${kind} “${structure.title}”`;
  if (directed) parts.push(directionWords[structure.direction ?? 'TB'] as string);
  return `${parts.join(', ')}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function labelOf(structure: MermaidStructure): (id: string) => string {
  const labels = new Map(structure.nodes.map((node) => [node.id, node.label || node.id]));
  return (id) => labels.get(id) ?? id;
}

function describeGroups(structure: MermaidStructure, noun: string): string[] {
  const name = labelOf(structure);
  return structure.groups.flatMap((group) => {
    const members = [
      ...structure.groups.filter((inner) => inner.parent === group.id).map((inner) => inner.label),
      ...structure.nodes.filter((node) => node.group === group.id && node.id !== group.id && !node.id.startsWith('[*]')).map((node) => name(node.id)),
    ];
    return members.length > 0 ? [`${noun} “${group.label}” holds ${listProse(members)}.`] : [`${noun} “${group.label}” is empty.`];
  });
}

/** Edges grouped by source: "A leads to B, C and D." Labelled edges and decisions get a sentence each. */
function describeFlow(structure: MermaidStructure): string[] {
  const name = labelOf(structure);
  const decisions = new Set(structure.nodes.filter((node) => node.decision).map((node) => node.id));
  const sentences: string[] = [];
  const done = new Set<StructureEdge>();
  const verb = (edge: StructureEdge) => (/[>ox]$/.test(edge.arrow) ? (edge.arrow.startsWith('<') ? 'and back' : '') : 'undirected');
  for (const edge of structure.edges) {
    if (done.has(edge)) continue;
    if (edge.label) {
      done.add(edge);
      if (decisions.has(edge.from)) sentences.push(sentence(`At “${name(edge.from)}”, if ${edge.label}: go to ${name(edge.to)}`));
      else sentences.push(`${name(edge.from)} leads to ${name(edge.to)} (${edge.label}).`);
      continue;
    }
    const siblings = structure.edges.filter((other) => other.from === edge.from && !other.label && !done.has(other) && verb(other) === verb(edge));
    siblings.forEach((other) => done.add(other));
    const targets = listProse(siblings.map((other) => name(other.to)));
    const kind = verb(edge);
    if (kind === 'undirected') sentences.push(sentence(`${name(edge.from)} is linked to ${targets}`));
    else if (kind === 'and back') sentences.push(`${name(edge.from)} and ${targets} lead to each other.`);
    else sentences.push(sentence(`${name(edge.from)} leads to ${targets}`));
  }
  const linked = new Set(structure.edges.flatMap((edge) => [edge.from, edge.to]));
  const alone = structure.nodes.filter((node) => !linked.has(node.id) && !structure.groups.some((group) => group.id === node.id));
  const grouped = new Set(structure.groups.length > 0 ? structure.nodes.filter((node) => node.group).map((node) => node.id) : []);
  const unsaid = alone.filter((node) => !grouped.has(node.id));
  if (unsaid.length > 0) sentences.push(`Also shown: ${listProse(unsaid.map((node) => name(node.id)))}.`);
  return sentences;
}

function describeSequence(structure: MermaidStructure): string[] {
  const names = new Map(structure.participants.map((p) => [p.id, p.label]));
  const name = (id: string) => names.get(id) ?? id;
  const sentences = [
    `Sequence diagram${structure.title ? ` “${structure.title}”` : ''} between ${listProse(structure.participants.map((p) => p.label))}.`,
  ];
  const lead: Record<string, string> = {
    loop: 'Repeatedly', alt: 'If', else: 'Otherwise', opt: 'Optionally', par: 'In parallel', and: 'At the same time',
    critical: 'Critically', option: 'Or', break: 'On a break', rect: 'Highlighted', box: 'Grouped',
  };
  const events = [
    ...structure.messages.map((message) => ({
      at: message.statement,
      text:
        message.from === message.to
          ? `${name(message.from)}: ${sentence(message.text || 'acts on itself')}`
          : message.reply
            ? `${name(message.from)} replies to ${name(message.to)}${message.text ? ` with ${message.text}` : ''}.`
            : `${name(message.from)} sends ${message.text || 'a message'} to ${name(message.to)}.`,
    })),
    ...structure.notes.map((note) => ({ at: note.statement, text: `Note over ${listProse(note.over.map(name))}: ${sentence(note.text)}` })),
    ...structure.blocks
      .filter((block) => block.keyword !== 'rect' && block.keyword !== 'box')
      .map((block) => ({ at: block.statement, text: `${lead[block.keyword] ?? capitalise(block.keyword)}${block.text ? ` (${block.text})` : ''}:` })),
  ].sort((a, b) => a.at - b.at);
  return [...sentences, ...events.map((event) => event.text)];
}

function describeStates(structure: MermaidStructure): string[] {
  const name = labelOf(structure);
  const sentences: string[] = [];
  for (const node of structure.nodes) {
    if (node.details.length > 0) sentences.push(`${name(node.id)}: ${sentence(node.details.join('; '))}`);
  }
  for (const edge of structure.edges) {
    const on = edge.label ? ` on “${edge.label}”` : '';
    if (edge.from.startsWith('[*]')) sentences.push(`It starts in ${name(edge.to)}${on}.`);
    else if (edge.to.startsWith('[*]')) sentences.push(`${name(edge.from)} ends the flow${on}.`);
    else sentences.push(`${name(edge.from)} moves to ${name(edge.to)}${on}.`);
  }
  const linked = new Set(structure.edges.flatMap((edge) => [edge.from, edge.to]));
  const alone = structure.nodes.filter((node) => !linked.has(node.id) && !node.details.length && !structure.groups.some((g) => g.id === node.id));
  if (alone.length > 0) sentences.push(`Also shown: ${listProse(alone.map((node) => name(node.id)))}.`);
  return sentences;
}

// `A <|-- B`: read from the side the arrow head is on.
const classRelations: Array<{ pattern: RegExp; verb: string; reversed: boolean }> = [
  { pattern: /^<\|--$/, verb: 'inherits from', reversed: true },
  { pattern: /^--\|>$/, verb: 'inherits from', reversed: false },
  { pattern: /^<\|\.\.$/, verb: 'implements', reversed: true },
  { pattern: /^\.\.\|>$/, verb: 'implements', reversed: false },
  { pattern: /^\*--$/, verb: 'is composed of', reversed: false },
  { pattern: /^--\*$/, verb: 'is composed of', reversed: true },
  { pattern: /^o--$/, verb: 'aggregates', reversed: false },
  { pattern: /^--o$/, verb: 'aggregates', reversed: true },
  { pattern: /^-->$/, verb: 'is associated with', reversed: false },
  { pattern: /^<--$/, verb: 'is associated with', reversed: true },
  { pattern: /^\.\.>$/, verb: 'depends on', reversed: false },
  { pattern: /^<\.\.$/, verb: 'depends on', reversed: true },
];

function describeClasses(structure: MermaidStructure): string[] {
  const name = labelOf(structure);
  const sentences = [`It has the classes ${listProse(structure.nodes.map((node) => name(node.id)))}.`];
  for (const node of structure.nodes) {
    if (node.details.length > 0) sentences.push(`${name(node.id)} has ${listProse(node.details)}.`);
  }
  for (const edge of structure.edges) {
    const relation = classRelations.find((candidate) => candidate.pattern.test(edge.arrow));
    const [subject, object] = relation?.reversed ? [edge.to, edge.from] : [edge.from, edge.to];
    const [subjectEnd, objectEnd] = relation?.reversed ? [edge.toEnd, edge.fromEnd] : [edge.fromEnd, edge.toEnd];
    const ends = subjectEnd || objectEnd ? `, ${subjectEnd || 'unspecified'} to ${objectEnd || 'unspecified'}` : '';
    const label = edge.label ? ` (${edge.label}${ends})` : ends ? ` (${ends.slice(2)})` : '';
    sentences.push(`${name(subject)} ${relation?.verb ?? 'is linked to'} ${name(object)}${label}.`);
  }
  return sentences;
}

const cardinality: Record<string, string> = {
  '||': 'exactly one', '|o': 'zero or one', 'o|': 'zero or one', '}|': 'one or more', '|{': 'one or more', '}o': 'zero or more', 'o{': 'zero or more',
};

function describeEntities(structure: MermaidStructure): string[] {
  const name = labelOf(structure);
  const sentences = [`It has the entities ${listProse(structure.nodes.map((node) => name(node.id)))}.`];
  for (const node of structure.nodes) {
    if (node.details.length > 0) sentences.push(`${name(node.id)} has ${listProse(node.details)}.`);
  }
  for (const edge of structure.edges) {
    const from = cardinality[edge.fromEnd] ?? 'some';
    const to = cardinality[edge.toEnd] ?? 'some';
    // `A ||--o{ B : places`: each A places zero or more B; each B belongs to exactly one A.
    sentences.push(`${name(edge.from)} ${edge.label || 'relates to'} ${name(edge.to)}: ${from} ${name(edge.from)} to ${to} ${name(edge.to)}.`);
  }
  return sentences;
}

function describeMindmap(structure: MermaidStructure): string[] {
  const name = labelOf(structure);
  const root = structure.nodes[0];
  if (!root) return ['Mind map.'];
  const sentences = [`Mind map of ${name(root.id)}.`];
  for (const node of structure.nodes) {
    const children = structure.edges.filter((edge) => edge.from === node.id).map((edge) => name(edge.to));
    if (children.length > 0) sentences.push(`${name(node.id)} branches into ${listProse(children)}.`);
  }
  return sentences;
}

function describeSections(structure: MermaidStructure): string[] {
  const kind = structure.kind === 'gantt' ? 'Gantt chart' : 'Timeline';
  const sentences = [`${kind}${structure.title ? ` “${structure.title}”` : ''}.`];
  for (const section of structure.sections) {
    const items = section.items.map((item) =>
      structure.kind === 'gantt'
        ? `${item.label}${item.value ? ` (${item.value})` : ''}`
        : `${item.label}${item.details.length > 0 ? `: ${listProse(item.details)}` : ''}`,
    );
    if (structure.kind === 'timeline') {
      if (section.label) sentences.push(`${section.label}:`);
      sentences.push(...items.map(sentence));
    } else {
      sentences.push(`${section.label ? `${section.label}: ` : ''}${listProse(items)}.`);
    }
  }
  return sentences;
}

function describePie(structure: MermaidStructure): string[] {
  const slices = structure.sections.flatMap((section) => section.items);
  const total = slices.reduce((sum, slice) => sum + Number(slice.value), 0);
  const share = (value: string) => (total > 0 ? ` (${Math.round((Number(value) / total) * 100)}%)` : '');
  return [
    `Pie chart${structure.title ? ` “${structure.title}”` : ''}.`,
    ...(slices.length > 0 ? [`${listProse(slices.map((slice) => `${slice.label}: ${slice.value}${share(slice.value)}`))}.`] : []),
  ];
}
