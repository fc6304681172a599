/**
 * The deck's agenda: one line per topic of the slides that follow it (several diagrams, examples or
 * case studies count as one topic), packed 14 to a slide, in two columns past eight. Pure.
 */
import type { PlannedSlide, SlideKind } from './deck-plan.js';
import { collapse } from '../render/markdown-sanitize.js';
import { pack } from './deck-split.js';

/** Plans the agenda slides for `slides` (those after the title); none when there is nothing to list. */
export function planAgenda(
  slides: PlannedSlide[],
  instructorNotes: string[],
  minParts: (key: string) => number,
  plain: (markdown: string) => string,
): PlannedSlide[] {
  const agenda = agendaItems(slides, plain);
  if (agenda.length === 0) return [];
  const columns = agenda.length > 8;
  const agendaParts = pack(agenda, () => 1, 14, minParts('agenda'));
  return agendaParts.map((part, index) => ({
    key: 'agenda',
    kind: 'agenda',
    title: 'Agenda',
    line: 1,
    part: index + 1,
    parts: agendaParts.length,
    exercise: false,
    classes: columns && part.length > 8 ? ['columns'] : [],
    data: { items: part, start: agenda.indexOf(part[0]) + 1 },
    say: [
      'Walk through the plan for the session so learners know what to expect.',
      ...(index === 0 ? instructorNotes.map((note) => `Instructor note: ${note}`) : []),
    ],
  }));
}

function agendaItems(slides: PlannedSlide[], plain: (markdown: string) => string): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  const push = (text: string) => {
    const label = collapse(text);
    if (label && !seen.has(label)) {
      seen.add(label);
      items.push(label);
    }
  };
  const count = (kind: SlideKind) => new Set(slides.filter((slide) => slide.kind === kind).map((slide) => slide.key)).size;
  for (const slide of slides) {
    switch (slide.kind) {
      case 'concept':
        push(slide.title);
        break;
      case 'diagram':
        push(count('diagram') === 1 ? String(slide.data.diagramTitle ?? slide.title) : 'Architecture Diagrams');
        break;
      case 'example':
        push(count('example') === 1 ? `Example: ${slide.title}` : 'Code Examples');
        break;
      case 'practices':
        push('Best Practices');
        break;
      case 'case-study':
        push(count('case-study') === 1 ? slide.title : 'Case Studies');
        break;
      case 'pitfalls':
        push('Common Pitfalls');
        break;
      case 'section':
        push(String(slide.data.section ?? slide.title));
        break;
      case 'exercises':
        push('Hands-on Exercises');
        break;
      case 'review':
        push('Check Your Understanding');
        break;
      case 'summary':
        push(plain(slide.title) === 'Key Points' ? 'Key Points' : 'Summary');
        break;
      default:
        break;
    }
  }
  return items;
}
