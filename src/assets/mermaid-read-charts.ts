/**
 * The readers of the kinds without written edges: mind maps (a tree by indentation, each line a
 * node under the last less-indented one) and the charts, gantt, pie and timeline, read as sections
 * of items with their values and details.
 */
import type { ChartSection, MermaidStructure } from './mermaid-structure.js';
import { cleanText, shapeLabel } from './mermaid-read-shared.js';

/** Reads a mind map's tree into `structure`: nodes in order, an edge from each to its parent. */
export function readMindmap(body: string[], structure: MermaidStructure): void {
  const stack: Array<{ indent: number; id: string }> = [];
  body.forEach((raw) => {
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (/^::icon\(/.test(line) || /^:::/.test(line)) return;
    const shaped = /^([^\s[({)]*?)\s*(\[\[?.*\]\]?|\(\(\(.*\)\)\)|\(\(.*\)\)|\(.*\)|\)\).*\(\(|\).*\(|\{\{.*\}\})\s*(?::::.*)?$/.exec(line);
    const label = shaped ? shapeLabel((shaped[2] as string).replace(/^\)\)|\(\($/g, '').replace(/^\)|\($/g, '')) : cleanText(line.replace(/:::.*$/, ''));
    const id = `m${structure.nodes.length + 1}`;
    while (stack.length > 0 && (stack.at(-1) as { indent: number }).indent >= indent) stack.pop();
    const parent = stack.at(-1)?.id ?? null;
    structure.nodes.push({ id, label, shape: shaped ? (shaped[2] as string) : '', decision: false, group: null, details: [] });
    if (parent) structure.edges.push({ from: parent, to: id, label: '', arrow: '--', fromEnd: '', toEnd: '' });
    stack.push({ indent, id });
  });
}

/** Reads a gantt chart's sections and tasks (with their dates and states) into `structure`. */
export function readGantt(body: string[], structure: MermaidStructure): void {
  let section: ChartSection | null = null;
  for (const raw of body) {
    const line = raw.trim();
    if (/^(?:dateFormat|axisFormat|tickInterval|excludes|includes|todayMarker|weekday|inclusiveEndDates|topAxis|displayMode|click)\b/.test(line)) continue;
    const heading = /^section\s+(.+)$/.exec(line);
    if (heading) {
      section = { label: cleanText(heading[1] as string), items: [] };
      structure.sections.push(section);
      continue;
    }
    const task = /^([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (!task) continue;
    if (!section) {
      section = { label: '', items: [] };
      structure.sections.push(section);
    }
    const meta = (task[2] as string).split(',').map((part) => part.trim());
    const when = meta.filter((part) => !/^(?:done|active|crit|milestone)$/.test(part) && !/^[A-Za-z_][\w-]*$/.test(part));
    section.items.push({ label: cleanText(task[1] as string), value: when.join(', '), details: meta.filter((part) => /^(?:done|active|crit|milestone)$/.test(part)) });
  }
}

/** Reads a pie chart's slices into `structure`, as one unlabelled section. */
export function readPie(body: string[], structure: MermaidStructure): void {
  const section: ChartSection = { label: '', items: [] };
  for (const raw of body) {
    const slice = /^\s*"([^"]*)"\s*:\s*([\d.]+)/.exec(raw);
    if (slice) section.items.push({ label: cleanText(slice[1] as string), value: slice[2] as string, details: [] });
  }
  structure.sections.push(section);
}

/** Reads a timeline's sections, periods and events into `structure`. */
export function readTimeline(body: string[], structure: MermaidStructure): void {
  let section: ChartSection | null = null;
  let period: ChartSection['items'][number] | null = null;
  for (const raw of body) {
    const line = raw.trim();
    const heading = /^section\s+(.+)$/.exec(line);
    if (heading) {
      section = { label: cleanText(heading[1] as string), items: [] };
      structure.sections.push(section);
      continue;
    }
    const parts = line.split(/\s:\s|^:\s*|\s:$/).map((part) => cleanText(part));
    if (line.startsWith(':')) {
      // A continuation line adds events to the period above.
      if (period) period.details.push(...parts.filter(Boolean));
      continue;
    }
    if (!section) {
      section = { label: '', items: [] };
      structure.sections.push(section);
    }
    period = { label: parts[0] ?? '', value: '', details: parts.slice(1).filter(Boolean) };
    section.items.push(period);
  }
}
