/**
 * Splitting a sequence diagram into ranges of messages. Blocks (`loop`, `alt` …) are kept whole where
 * they fit in a part; a block longer than a part is repeated around each range of its messages, so
 * every part is valid Mermaid and no message loses the block it belongs to. Pure.
 */
import type { MermaidStructure } from './mermaid-structure.js';
import type { DiagramPart } from './mermaid-split.js';

/** Splits a sequence diagram into about `ranges` parts of consecutive messages; [] when it has fewer than two. */
export function splitSequence(structure: MermaidStructure, ranges: number): DiagramPart[] {
  const total = structure.messages.length;
  if (total < 2) return [];
  const perPart = Math.ceil(total / ranges);
  // Top-level units: a statement, or a block from its keyword to its `end`.
  const units: Array<{ statements: number[]; messages: number }> = [];
  const isMessage = new Set(structure.messages.map((message) => message.statement));
  let depth = 0;
  structure.statements.forEach((statement, index) => {
    if (/^(?:participant|actor|create|autonumber|box\b)/.test(statement) && depth === 0) return;
    const opens = /^(loop|alt|opt|par|critical|break|rect)\b/.test(statement);
    const closes = statement === 'end';
    if (depth === 0) units.push({ statements: [], messages: 0 });
    const unit = units.at(-1) as { statements: number[]; messages: number };
    unit.statements.push(index);
    if (isMessage.has(index)) unit.messages++;
    if (opens) depth++;
    if (closes) depth = Math.max(0, depth - 1);
  });
  const groups: number[][] = [[]];
  let count = 0;
  for (const unit of units) {
    if (count > 0 && count + unit.messages > perPart) {
      groups.push([]);
      count = 0;
    }
    if (unit.messages > perPart && unit.statements.length > 2) {
      // A block longer than a part: its messages go into several copies of the block.
      const [open, ...inner] = unit.statements;
      const close = inner.pop() as number;
      let chunk: number[] = [];
      let inChunk = 0;
      for (const index of inner) {
        chunk.push(index);
        if (isMessage.has(index)) inChunk++;
        if (inChunk >= perPart) {
          (groups.at(-1) as number[]).push(open as number, ...chunk, close);
          groups.push([]);
          chunk = [];
          inChunk = 0;
        }
      }
      if (chunk.length > 0) (groups.at(-1) as number[]).push(open as number, ...chunk, close);
      count = inChunk;
      continue;
    }
    (groups.at(-1) as number[]).push(...unit.statements);
    count += unit.messages;
  }
  const parts = groups.filter((group) => group.some((index) => isMessage.has(index)));
  let first = 1;
  return parts.map((group) => {
    const messages = structure.messages.filter((message) => group.includes(message.statement));
    const used = new Set(messages.flatMap((message) => [message.from, message.to]));
    for (const note of structure.notes) if (group.includes(note.statement)) note.over.forEach((id) => used.add(id));
    const participants = structure.participants.filter((p) => used.has(p.id));
    const declared = (id: string) =>
      structure.statements.find((statement) => new RegExp(`^(?:participant|actor)\\s+${escapeRegExp(id)}(?:\\s|$)`).test(statement));
    const lines = [
      structure.header,
      ...participants.map((p) => `  ${(declared(p.id) ?? `participant ${p.id}`).replace(/^create\s+/, '')}`),
      ...group.map((index) => `  ${structure.statements[index]}`),
    ];
    const last = first + messages.length - 1;
    const name = `Messages ${first}–${last}`;
    first = last + 1;
    return { name, code: lines.join('\n'), nodes: participants.map((p) => p.id) };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
