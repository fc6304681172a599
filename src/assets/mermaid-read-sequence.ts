/**
 * The sequence diagram reader: participants (declared or first named in a message), messages with
 * their replies, notes and block headers (`loop`, `alt` …), each with its statement's index so a
 * range of messages can later be cut out with its blocks intact (mermaid-split-sequence.ts).
 */
import type { MermaidStructure } from './mermaid-structure.js';
import { cleanText } from './mermaid-read-shared.js';

const MESSAGE = /^([^\s:+-][^:]*?)\s*(<<-{1,2}>>|-{1,2}>>|-{1,2}>|-{1,2}x|-{1,2}\))\s*[+-]?\s*([^:]+?)\s*:\s*(.*)$/;
const BLOCK = /^(loop|alt|else|opt|par|and|critical|option|break|rect|box)\b\s*(.*)$/;

/** Reads a sequence diagram's participants, messages, notes and blocks into `structure`. */
export function readSequence(body: string[], structure: MermaidStructure): void {
  const participant = (id: string, label?: string) => {
    const existing = structure.participants.find((p) => p.id === id);
    if (existing) {
      if (label) existing.label = label;
      return;
    }
    structure.participants.push({ id, label: label ?? id });
  };
  body.forEach((raw, index) => {
    const line = raw.trim().replace(/;$/, '');
    const declared = /^(?:create\s+)?(?:participant|actor)\s+(.+?)(?:\s+as\s+(.+))?$/.exec(line);
    if (declared) {
      const id = (declared[1] as string).replace(/@\{.*$/, '').trim();
      participant(id, declared[2] ? cleanText(declared[2]) : undefined);
      return;
    }
    const message = MESSAGE.exec(line);
    if (message) {
      const [, from, arrow, to, text] = message as unknown as [string, string, string, string, string];
      participant(from.trim());
      participant(to.trim());
      structure.messages.push({ from: from.trim(), to: to.trim(), text: cleanText(text), reply: arrow.startsWith('--'), statement: index });
      return;
    }
    const note = /^note\s+(?:over|left of|right of)\s+([^:]+):\s*(.*)$/i.exec(line);
    if (note) {
      const over = (note[1] as string).split(',').map((id) => id.trim()).filter(Boolean);
      over.forEach((id) => participant(id));
      structure.notes.push({ over, text: cleanText(note[2] as string), after: structure.messages.length, statement: index });
      return;
    }
    const block = BLOCK.exec(line);
    if (block) {
      structure.blocks.push({ keyword: block[1] as string, text: cleanText(block[2] as string), after: structure.messages.length, statement: index });
    }
  });
}
