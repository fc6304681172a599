/**
 * The workshop agenda: one printed page with the clock times, breaks, each lesson's teaching and
 * exercise times, the totals and, when the plan is too long, the overrun warning. Rendered with
 * `workshop/agenda.html.hbs`. Pure: the caller prints it.
 */
import type { Templates } from '../render/templates.js';
import { documentStyles, footerTemplate, headerTemplate, minutesText, type Paper, type PrintDocument } from '../render/print-document.js';
import type { WorkshopConfig } from './config.js';
import type { Schedule } from './schedule.js';
import { formatClock, formatRange } from './time.js';

export const WORKSHOP_STYLES = ['styles/print.css', 'workshop/workshop.css'];

export interface WorkshopDocumentOptions {
  assets: Record<string, string>;
  paper: Paper;
  version: string;
}

/** The facts under a workshop document's title: date, venue, audience, group size, facilitators. */
export function workshopFacts(config: WorkshopConfig): Array<{ label: string; value: string }> {
  const facts: Array<{ label: string; value: string }> = [];
  if (config.date) facts.push({ label: 'Date', value: config.date });
  if (config.venue) facts.push({ label: 'Venue', value: config.venue });
  if (config.audience) facts.push({ label: 'Audience', value: config.audience });
  if (config.participants) facts.push({ label: 'Participants', value: String(config.participants) });
  if (config.facilitators.length > 0) facts.push({ label: config.facilitators.length > 1 ? 'Facilitators' : 'Facilitator', value: config.facilitators.join(', ') });
  return facts;
}

/** The schedule as rows of a table, shared by the agenda and the facilitator guide. */
export function scheduleView(schedule: Schedule) {
  const rows = schedule.items.map((item) => {
    if (item.kind === 'lesson') {
      return {
        kind: 'lesson',
        time: formatRange(item.start, item.end),
        title: item.title,
        part: item.parts > 1 ? `part ${item.part} of ${item.parts}` : null,
        minutes: minutesText(item.end - item.start),
        segments: item.segments.map((segment) => ({
          label: segment.kind === 'teaching' ? 'Teaching' : 'Exercises',
          kind: segment.kind,
          time: formatRange(segment.start, segment.end),
          minutes: minutesText(segment.end - segment.start),
        })),
        planned: null,
      };
    }
    return {
      kind: item.kind,
      time: formatRange(item.start, item.end),
      title: item.title,
      part: null,
      minutes: minutesText(item.end - item.start),
      segments: [],
      planned: item.planned === null ? null : `planned for ${formatClock(item.planned)}`,
    };
  });
  const { totals, slot } = schedule;
  const warning = schedule.diagnostics.find((d) => d.rule === 'workshop-overrun');
  const overrun = warning && slot ? `${warning.message}: it ends at ${formatClock(schedule.end)} instead of ${formatClock(slot.end)}.` : null;
  return {
    rows,
    totals: [
      { label: 'Teaching', value: minutesText(totals.teaching) },
      { label: 'Exercises', value: minutesText(totals.exercises) },
      { label: 'Breaks', value: minutesText(totals.breaks) },
      { label: 'Total', value: `${minutesText(totals.total)} (${formatRange(schedule.start, schedule.end)})` },
      ...(slot ? [{ label: 'Slot', value: `${minutesText(slot.minutes)} (${formatRange(schedule.start, slot.end)})` }] : []),
    ],
    overrun,
    spare: slot && schedule.overrun === 0 && slot.end > schedule.end ? `${minutesText(slot.end - schedule.end)} to spare before ${formatClock(slot.end)}` : null,
    notes: schedule.diagnostics.filter((d) => d.rule !== 'workshop-overrun').map((d) => d.message),
  };
}

/** What every workshop document's template receives: its head, the workshop's facts and the schedule table. */
export function workshopPage(
  config: WorkshopConfig,
  title: string,
  view: ReturnType<typeof scheduleView>,
  templates: Templates,
  options: WorkshopDocumentOptions,
) {
  return {
    lang: 'en',
    title,
    author: config.facilitators.join(', ') || 'Lectern',
    generator: `Lectern ${options.version}`,
    paper: options.paper,
    styles: documentStyles(options.assets, WORKSHOP_STYLES, options.paper),
    workshop: { title: config.title, facts: workshopFacts(config) },
    overrun: view.overrun,
    scheduleHtml: templates.render('workshop/schedule-table.html', view),
  };
}

/** Renders the agenda page. */
export function renderAgenda(config: WorkshopConfig, schedule: Schedule, templates: Templates, options: WorkshopDocumentOptions): PrintDocument {
  const title = `${config.title} — Agenda`;
  // The agenda goes to participants (alone and in their pack): they see where each break landed in the
  // table; the notes about moves and the overrun warning are for facilitators (guide and console).
  const view = { ...scheduleView(schedule), notes: [], overrun: null, spare: null };
  const html = templates.render('workshop/agenda.html', workshopPage(config, title, view, templates, options));
  return {
    html,
    title,
    headerTemplate: headerTemplate(config.title, config.date ?? ''),
    footerTemplate: footerTemplate('Agenda'),
  };
}
