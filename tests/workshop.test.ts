// Workshop planning, pure: workshop.yaml validation (every mistake at its line), lesson timing
// (workshop.yaml → lesson → estimate from slides and lab), the clock layout with breaks and lunch,
// the overrun warning, the agenda's escaping, and the PDF merge with bookmarks.
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFDict, PDFHexString, PDFName, PDFString, StandardFonts } from '../src/vendor/pdf-lib.js';
import type { Lesson } from '../src/model/lesson.js';
import type { RenderContext } from '../src/render/context.js';
import { renderDeck } from '../src/render/deck.js';
import { planLab } from '../src/plan/lab-tasks.js';
import { parseWorkshop, type WorkshopConfig } from '../src/workshop/config.js';
import { formatClock, parseClock, parseDuration } from '../src/workshop/time.js';
import { layOut, type ScheduleInput } from '../src/workshop/schedule.js';
import { countTeachingSlides, lessonTiming, measureLesson } from '../src/workshop/timing.js';
import { lessonMaterials } from '../src/workshop/materials.js';
import { renderAgenda, scheduleView } from '../src/workshop/agenda.js';
import { mergePdfs } from '../src/workshop/merge.js';
import { analyze, assets, load, root, templates } from './helpers/render.js';
import { lessonFileName, nextLesson, renderLessonScaffold, renderWorkshopScaffold } from '../src/workshop/scaffold.js';


function contextFor(lesson: Lesson): RenderContext {
  return {
    lesson,
    courseTitle: null,
    moduleTitle: 'Module 3: Web APIs and Services',
    diagrams: [],
    images: {},
    notes: null,
    notesDiagrams: [],
    links: { deck: 'deck.pdf', handout: 'handout.pdf', lab: 'lab.pdf', labInstructor: 'lab-instructor.pdf' },
    paper: 'a4',
    theme: 'lectern',
    version: 'test',
  };
}

const h = (clock: string) => parseClock(clock)!;

describe('clock times and durations', () => {
  it.each([
    ['09:00', 540], ['9:05', 545], ['13:30', 810], ['1:30 pm', 810], ['12am', 0], ['12:15pm', 735],
  ])('%s is %i minutes after midnight', (text, minutes) => {
    expect(parseClock(text)).toBe(minutes);
  });

  it.each(['9', '25:00', '10:75', 'noon', '13pm'])('%s is not a clock time', (text) => {
    expect(parseClock(text)).toBeNull();
  });

  it.each([
    [45, 45], ['6h', 360], ['6 h', 360], ['6h30', 390], ['6h 30min', 390], ['1.5h', 90], ['90min', 90], ['90 minutes', 90], ['45m', 45], ['120', 120],
  ] as const)('%s lasts %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', 'six hours', '30 seconds', 'h'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it('formats minutes after midnight as a 24-hour clock', () => {
    expect([formatClock(540), formatClock(545), formatClock(1439), formatClock(1445)]).toEqual(['09:00', '09:05', '23:59', '00:05']);
  });
});

describe('workshop.yaml', () => {
  const valid = `title: Web APIs in a Day
date: 2025-03-14
venue: Room 2.14
audience: Backend developers
participants: 16
facilitators: [Ada, Grace]
start: "09:00"
slot: 6h
lessons:
  - ../lessons/module-3-web-apis/3.1-http-fundamentals.md
  - path: ../lessons/module-3-web-apis/3.3-api-authentication.md
    teaching: 30
    exercises: 20min
    title: Securing APIs
  - ../lessons/module-4
breaks:
  - at: "10:30"
    minutes: 15
    title: Coffee
  - { at: "15:00", minutes: 10 }
lunch: { at: "12:30", minutes: 45 }
`;

  it('reads every field of a valid plan', () => {
    const { config, errors } = parseWorkshop(valid);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      title: 'Web APIs in a Day',
      date: '2025-03-14',
      venue: 'Room 2.14',
      audience: 'Backend developers',
      participants: 16,
      facilitators: ['Ada', 'Grace'],
      start: h('09:00'),
      slot: { minutes: 360, line: 8 },
      minutesPerSlide: 2,
    });
    expect(config!.lessons).toEqual([
      { path: '../lessons/module-3-web-apis/3.1-http-fundamentals.md', teaching: null, exercises: null, title: null, line: 10, column: 5 },
      { path: '../lessons/module-3-web-apis/3.3-api-authentication.md', teaching: 30, exercises: 20, title: 'Securing APIs', line: 11, column: 5 },
      { path: '../lessons/module-4', teaching: null, exercises: null, title: null, line: 15, column: 5 },
    ]);
    expect(config!.breaks).toEqual([
      { kind: 'break', at: h('10:30'), minutes: 15, title: 'Coffee', line: 17 },
      { kind: 'lunch', at: h('12:30'), minutes: 45, title: 'Lunch', line: 21 },
      { kind: 'break', at: h('15:00'), minutes: 10, title: 'Break', line: 20 },
    ]);
  });

  it('takes end: instead of slot:, and a number as the audience size', () => {
    const { config } = parseWorkshop('title: T\nstart: "09:30"\nend: "16:30"\naudience: 12\nlessons: [a.md]\n');
    expect(config?.slot).toEqual({ minutes: 420, line: 3 });
    expect(config?.participants).toBe(12);
    expect(config?.audience).toBeNull();
  });

  it('reports every mistake at its line and column', () => {
    const source = [
      'title: Workshop', //                    1
      'start: "9 o\'clock"', //                 2
      'slott: 6h', //                           3
      'lessons:', //                            4
      '  - a.md', //                            5
      '  - teaching: 30', //                    6
      '  - path: b.md', //                      7
      '    exercises: lots', //                 8
      'breaks:', //                             9
      '  - at: "10:30"', //                     10
      '  - { at: "11:00", minutes: 0 }', //     11
    ].join('\n');
    const { config, errors } = parseWorkshop(source);
    expect(config).toBeNull();
    expect(errors).toEqual([
      { line: 2, column: 8, message: 'start must be a clock time such as "09:00" (got "9 o\'clock")' },
      { line: 3, column: 1, message: 'unknown key "slott"; did you mean "slot"?' },
      { line: 6, column: 5, message: 'lessons[2] has no path: give a lesson file or a module folder' },
      { line: 8, column: 16, message: 'lessons[3].exercises must be a number of minutes or a duration such as 45min (got "lots")' },
      { line: 10, column: 5, message: 'breaks[1] has no minutes: give its length, such as 15' },
      { line: 11, column: 29, message: 'breaks[2].minutes must be a duration such as 6h, "6h30", 90min or a number of minutes (got 0)' },
    ]);
  });

  it('reports what is missing, and contradictions', () => {
    expect(parseWorkshop('venue: Here\n').errors.map((e) => e.message)).toEqual([
      'title is missing: name the workshop',
      'start is missing: give the start time, such as start: "09:00"',
      'lessons is missing: list the lesson files or module folders to teach',
    ]);
    const both = parseWorkshop('title: T\nstart: "09:00"\nslot: 6h\nend: "15:00"\nlessons: [a.md]\n');
    expect(both.errors).toEqual([{ line: 4, column: 1, message: 'give slot: or end:, not both' }]);
    const early = parseWorkshop('title: T\nstart: "09:00"\nlessons: [a.md]\nbreaks:\n  - { at: "08:30", minutes: 15 }\n  - { at: "10:00", minutes: 30 }\n  - { at: "10:15", minutes: 15, title: Tea }\n');
    expect(early.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '5: Break at 08:30 is before the start (09:00)',
      '7: Tea at 10:15 overlaps Break (10:00, 30 min)',
    ]);
  });

  it('reports YAML syntax errors at their line', () => {
    const { config, errors } = parseWorkshop('title: T\n\tstart: "09:00"\nlessons: [a.md]\n');
    expect(config).toBeNull();
    expect(errors).toEqual([{ line: 2, column: 1, message: 'Tabs are not allowed as indentation' }]);
    const duplicate = parseWorkshop('title: T\ntitle: U\nstart: "09:00"\nlessons: [a.md]\n');
    expect(duplicate.errors[0]).toMatchObject({ line: 2, message: expect.stringMatching(/unique/i) });
  });

  it('rejects a document that is not a mapping', () => {
    expect(parseWorkshop('- a.md\n').errors).toEqual([{ line: 1, column: 1, message: 'workshop.yaml must be a mapping of settings (title:, start:, slot:, lessons: …)' }]);
  });
});

describe('lesson timing', () => {
  const size = { teachingSlides: 18, labTasks: 4, labMinutes: 33 };

  it('takes workshop.yaml first, then the lesson, then the estimate', () => {
    expect(lessonTiming({ meta: { teachingMinutes: 25, exerciseMinutes: 15 }, size, adjust: { teaching: 40, exercises: 0 }, minutesPerSlide: 2 })).toMatchObject({
      teaching: 40, exercises: 0, teachingFrom: 'workshop', exercisesFrom: 'workshop',
    });
    expect(lessonTiming({ meta: { teachingMinutes: 25, exerciseMinutes: 15 }, size, adjust: { teaching: null, exercises: null }, minutesPerSlide: 2 })).toMatchObject({
      teaching: 25, exercises: 15, teachingFrom: 'lesson', exercisesFrom: 'lesson',
    });
  });

  it('estimates from the slides and the lab when the lesson gives no minutes', () => {
    const timing = lessonTiming({ meta: { teachingMinutes: null, exerciseMinutes: null }, size, adjust: { teaching: null, exercises: null }, minutesPerSlide: 2 });
    expect(timing).toEqual({
      teaching: 36,
      exercises: 33,
      teachingFrom: 'estimate',
      exercisesFrom: 'estimate',
      teachingNote: 'estimated: 18 slides × 2 min',
      exercisesNote: 'estimated: 4 lab tasks',
    });
    expect(lessonTiming({ meta: { teachingMinutes: null, exerciseMinutes: 10 }, size, adjust: { teaching: null, exercises: null }, minutesPerSlide: 1.5 })).toMatchObject({
      teaching: 27, exercises: 10, teachingFrom: 'estimate', exercisesFrom: 'lesson',
    });
  });

  it('counts the deck slides of a real lesson, leaving the exercise slides to the lab', () => {
    const lesson = load('lessons/module-3-web-apis/3.1-http-fundamentals.md');
    expect(lesson.meta.teachingMinutes).toBeNull();
    const context = contextFor(lesson);
    const { slides } = renderDeck(context, templates);
    const measured = measureLesson(context, templates);
    expect(measured.teachingSlides).toBe(slides.filter((slide) => slide.kind !== 'exercises').length);
    expect(measured.teachingSlides).toBeGreaterThan(10);
    expect(measured.teachingSlides).toBeLessThan(slides.length);
    expect(measured.labMinutes).toBe(planLab(lesson).totalMinutes);
    const timing = lessonTiming({ meta: lesson.meta, size: measured, adjust: { teaching: null, exercises: null }, minutesPerSlide: 2 });
    expect(timing.teaching).toBe(2 * measured.teachingSlides);
    expect(countTeachingSlides([{ kind: 'title' }, { kind: 'exercises' }, { kind: 'concept' }])).toBe(2);
  });
});

describe('schedule', () => {
  const lessons = [
    { title: 'Lesson 1', teaching: 40, exercises: 20 },
    { title: 'Lesson 2', teaching: 30, exercises: 30 },
    { title: 'Lesson 3', teaching: 45, exercises: 15 },
  ];
  const input = (extra: Partial<ScheduleInput> = {}): ScheduleInput => ({ start: h('09:00'), slot: null, lessons, breaks: [], ...extra });
  const rows = (schedule: ReturnType<typeof layOut>) =>
    schedule.items.map((item) =>
      item.kind === 'lesson'
        ? `${formatClock(item.start)}–${formatClock(item.end)} ${item.title}${item.parts > 1 ? ` (${item.part}/${item.parts})` : ''}: ${item.segments.map((s) => `${s.kind} ${formatClock(s.start)}`).join(', ')}`
        : `${formatClock(item.start)}–${formatClock(item.end)} ${item.title}`,
    );

  it('lays lessons out one after another from the start', () => {
    const schedule = layOut(input());
    expect(rows(schedule)).toEqual([
      '09:00–10:00 Lesson 1: teaching 09:00, exercises 09:40',
      '10:00–11:00 Lesson 2: teaching 10:00, exercises 10:30',
      '11:00–12:00 Lesson 3: teaching 11:00, exercises 11:45',
    ]);
    expect(schedule.totals).toEqual({ teaching: 115, exercises: 65, breaks: 0, total: 180 });
    expect(schedule.diagnostics).toEqual([]);
  });

  it('puts a break between lessons, and lunch between a lesson’s teaching and exercises', () => {
    const schedule = layOut(
      input({
        breaks: [
          { kind: 'break', title: 'Coffee', at: h('10:00'), minutes: 15, line: 12 },
          { kind: 'lunch', title: 'Lunch', at: h('11:45'), minutes: 45, line: 15 },
        ],
      }),
    );
    expect(rows(schedule)).toEqual([
      '09:00–10:00 Lesson 1: teaching 09:00, exercises 09:40',
      '10:00–10:15 Coffee',
      '10:15–11:15 Lesson 2: teaching 10:15, exercises 10:45',
      '11:15–12:00 Lesson 3 (1/2): teaching 11:15',
      '12:00–12:45 Lunch',
      '12:45–13:00 Lesson 3 (2/2): exercises 12:45',
    ]);
    expect(schedule.items[4]).toMatchObject({ kind: 'lunch', planned: h('11:45') });
    expect(schedule.items[1]).toMatchObject({ kind: 'break', planned: null });
    expect(schedule.totals).toEqual({ teaching: 115, exercises: 65, breaks: 60, total: 240 });
    expect(schedule.diagnostics).toEqual([
      { severity: 'info', rule: 'workshop-break-moved', message: 'Lunch moves from 11:45 to 12:00, the nearest point between lessons or between teaching and exercises', line: 15, column: 1 },
    ]);
  });

  it('takes a break at the nearer boundary, the earlier one on a tie', () => {
    // Boundaries at 09:40 and 10:00: 09:50 is halfway (earlier wins), 09:51 goes to 10:00; never before the start.
    const at = (clock: string) => layOut(input({ breaks: [{ kind: 'break', title: 'Break', at: h(clock), minutes: 10, line: 1 }] })).items[1]!;
    expect(formatClock(at('09:50').start)).toBe('09:40');
    expect(formatClock(at('09:51').start)).toBe('10:00');
    expect(formatClock(at('09:00').start)).toBe('09:40');
  });

  it('leaves out a break that falls after the last lesson', () => {
    const schedule = layOut(input({ breaks: [{ kind: 'break', title: 'Tea', at: h('15:00'), minutes: 15, line: 9 }] }));
    expect(schedule.items.every((item) => item.kind === 'lesson')).toBe(true);
    expect(schedule.diagnostics).toEqual([
      { severity: 'warning', rule: 'workshop-break-unused', message: 'Tea at 15:00 comes after the last lesson ends (12:00); it is left out of the plan', line: 9, column: 1 },
    ]);
  });

  it('warns when the plan overruns its slot, at the slot’s line', () => {
    const schedule = layOut(input({ slot: { minutes: 155, line: 8 }, breaks: [{ kind: 'break', title: 'Coffee', at: h('10:00'), minutes: 15, line: 12 }] }));
    expect(schedule.overrun).toBe(40);
    expect(schedule.diagnostics).toEqual([
      { severity: 'warning', rule: 'workshop-overrun', message: 'Plan runs 40 min over the 2 h 35 min slot', line: 8, column: 1 },
    ]);
    const fits = layOut(input({ slot: { minutes: 360, line: 8 } }));
    expect(fits.overrun).toBe(0);
    expect(fits.diagnostics).toEqual([]);
    expect(fits.slot).toEqual({ minutes: 360, end: h('15:00') });
  });

  it('skips empty parts: a lesson with no exercises is one segment', () => {
    const schedule = layOut(input({ lessons: [{ title: 'Talk', teaching: 20, exercises: 0 }] }));
    expect(rows(schedule)).toEqual(['09:00–09:20 Talk: teaching 09:00']);
  });
});

describe('materials', () => {
  it('infers the tools from the code and the commands, and the prerequisites section', () => {
    const lesson = analyze(`# Lesson 9.1: Containers

## Learning Objectives
- Build an image

## Prerequisites
- A laptop with admin rights
- Basic shell skills

## Configuration Examples

### Dockerfile
\`\`\`dockerfile
FROM python:3.12-slim
COPY app.py .
CMD ["python", "app.py"]
\`\`\`

### App
\`\`\`python
print("hello")
\`\`\`

## Hands-on Exercises

### Exercise 1: Query the API
1. Run \`curl -s localhost:8000 | jq .\`
`);
    const materials = lessonMaterials(lesson, planLab(lesson));
    expect(materials.tools).toEqual(expect.arrayContaining(['Docker', 'Python 3', 'curl', 'jq']));
    expect(materials.prerequisites).toEqual(['A laptop with admin rights', 'Basic shell skills']);
    expect(materials.files).toEqual(expect.arrayContaining(['Dockerfile']));
  });
});

describe('agenda', () => {
  const config: WorkshopConfig = {
    title: 'APIs <script>alert(1)</script>',
    date: '2025-03-14',
    venue: 'Room & Hall',
    audience: null,
    participants: 12,
    facilitators: [],
    start: h('09:00'),
    slot: { minutes: 60, line: 5 },
    minutesPerSlide: 2,
    lessons: [],
    breaks: [],
  };

  it('escapes workshop and lesson text, and leaves the overrun to the facilitators', () => {
    const schedule = layOut({ start: config.start, slot: config.slot, lessons: [{ title: 'Lesson <b>1</b>', teaching: 50, exercises: 20 }], breaks: [] });
    const { html } = renderAgenda(config, schedule, templates, { assets, paper: 'a4', version: 'test' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('APIs &lt;script&gt;');
    expect(html).toContain('Lesson &lt;b&gt;1&lt;/b&gt;');
    expect(html).toContain('Room &amp; Hall');
    // Participant material: no overrun box; the facilitators' view of the same schedule has it.
    expect(html).not.toContain('Plan runs 10 min over');
    expect(scheduleView(schedule).overrun).toBe('Plan runs 10 min over the 1 h slot: it ends at 10:10 instead of 10:00.');
    expect(html).toContain('09:00–10:10');
    expect(html).toContain('09:50–10:10');
  });
});

describe('merge', () => {
  async function pdf(pages: number, label: string): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < pages; i++) doc.addPage([200, 200]).drawText(`${label} ${i + 1}`, { x: 20, y: 100, font, size: 12 });
    return doc.save();
  }

  function titles(dict: PDFDict | undefined, depth = 0): string[] {
    const out: string[] = [];
    for (let item = dict?.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      out.push(`${'  '.repeat(depth)}${title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '?'}`);
      out.push(...titles(item, depth + 1));
    }
    return out;
  }

  it('adds up the pages and bookmarks every part', async () => {
    const merged = await mergePdfs(
      [
        { title: 'Agenda', pdf: await pdf(1, 'agenda') },
        { title: 'Lesson 1', children: [{ title: 'Handout', pdf: await pdf(3, 'handout') }, { title: 'Lab sheet', pdf: await pdf(2, 'lab') }] },
        { title: 'Lesson 2', children: [{ title: 'Handout' }] },
      ],
      { title: 'Pack' },
    );
    expect(merged.pages).toBe(6);
    const doc = await PDFDocument.load(merged.bytes);
    expect(doc.getPageCount()).toBe(6);
    expect(doc.getTitle()).toBe('Pack');
    const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    // A part with no pages has nowhere to point and is left out.
    expect(titles(outlines)).toEqual(['Agenda', 'Lesson 1', '  Handout', '  Lab sheet']);
  });
});

describe('scaffolds', () => {
  it('numbers a new lesson after the last one in its folder', () => {
    expect(nextLesson(['README.md', '3.1-http.md', '3.10-late.md', '3.2-rest.md'], 'module-3-web-apis')).toEqual({ number: '3.11', previous: '3.10-late.md' });
    expect(nextLesson([], 'module-7-security')).toEqual({ number: '7.1', previous: null });
    expect(nextLesson(['intro.md'], 'lessons')).toEqual({ number: null, previous: null });
    expect(lessonFileName('Intro to Kubernetes', null)).toBe('intro-to-kubernetes.md');
    expect(lessonFileName('Rate Limiting & Quotas', '3.4')).toBe('3.4-rate-limiting-quotas.md');
  });

  it('writes every house-format section, with the title escaped for Markdown', () => {
    const text = renderLessonScaffold({ title: 'C# *and* <b>', number: '3.4', overview: './README.md', previous: './3.3-api.md' }, templates);
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).toContain('# Lesson 3.4: C# \\*and\\* \\<b>\n');
    for (const heading of [
      'Navigation', 'Learning Objectives', 'Key Concepts', 'Architecture Diagrams', 'Configuration Examples', 'Best Practices',
      'Real-World Case Studies', 'Hands-on Exercises', 'Common Pitfalls', 'Review Questions', 'Additional Resources', 'Next Steps',
    ]) {
      expect(text).toContain(`\n## ${heading}\n`);
    }
    expect(text).toContain('- [← Back to Module Overview](./README.md)');
    expect(text).toContain('- [Previous Lesson ←](./3.3-api.md)');
  });

  it('matches the golden workshop.yaml scaffold, which is a valid plan', () => {
    const text = renderWorkshopScaffold(
      {
        title: 'Module 3: Web APIs and Services Workshop',
        date: '2025-03-14',
        file: 'workshop.yaml',
        lessons: ['lessons/module-3-web-apis/3.1-http-fundamentals.md', 'lessons/module-3-web-apis/3.2-restful-api-design.md', 'lessons/module-3-web-apis/3.3-api-authentication.md'],
      },
      templates,
    );
    const golden = join(root, 'tests', 'fixtures-workshop', 'scaffold', 'workshop.yaml');
    if (process.env.UPDATE === '1') writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
    const { config, errors } = parseWorkshop(text);
    expect(errors).toEqual([]);
    expect(config?.lessons).toHaveLength(3);
    expect(config?.breaks.map((b) => b.title)).toEqual(['Coffee', 'Lunch', 'Tea']);
  });

  it('the sample workshop.yaml is a valid plan', () => {
    const { errors } = parseWorkshop(readFileSync(join(root, 'tests', 'fixtures-workshop', 'sample', 'workshop.yaml'), 'utf8'));
    expect(errors).toEqual([]);
  });
});
