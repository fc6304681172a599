// Regression: hostile lessons crashed the analysis or took minutes. A 5,000-level blockquote
// overflowed the stack ("Maximum call stack size exceeded"), a YAML alias bomb threw, and parsing grew
// about 3.2× per doubling (micromark rebuilt its whole event list on every container it closed).
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import { analyzeLesson } from '../../src/pipeline.js';
import { MAX_LESSON_BYTES, MAX_LIST_ITEMS, MAX_NESTING } from '../../src/parse/parse.js';
import { EditMap } from 'micromark-util-edit-map';

function analyze(text: string) {
  return analyzeLesson(new VFile({ path: 'course/m/1.1-x.md', value: text }));
}

const head = '# Lesson 1.1: Limits\n\n## Learning Objectives\n\n- Explain limits\n\n';

describe('nesting', () => {
  it('a 5,000-level blockquote is nesting-too-deep at its line, its text kept', () => {
    const { lesson } = analyze(`${head}${'> '.repeat(5000)}deep words\n`);
    const errors = lesson.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.rule, d.line])).toEqual([['nesting-too-deep', 7]]);
    expect(errors[0]!.message).toBe(`Content is nested more than ${MAX_NESTING} levels deep; the deeper part is kept as plain text`);
    expect(JSON.stringify(lesson.sections)).toContain('deep words');
  });

  it('text already cut once is parsed again without a hang (the deck stage parses each section again)', () => {
    // What the deck stage gets back: 64 markers, an escaped one, the rest as text. A backtracking
    // pattern tried 2^64 ways of sharing the spaces between the 64 markers before giving up.
    const once = analyze(`${head}${'> '.repeat(MAX_NESTING)}\\> ${'> '.repeat(200)}deep words\n`);
    expect(once.lesson.diagnostics.map((d) => d.rule)).not.toContain('nesting-too-deep');
    expect(JSON.stringify(once.lesson.sections)).toContain('deep words');
    // Its twin: one more real marker is still the error.
    const twice = analyze(`${head}${'> '.repeat(MAX_NESTING + 1)}\\> ${'> '.repeat(200)}deep words\n`);
    expect(twice.lesson.diagnostics.map((d) => d.rule)).toContain('nesting-too-deep');
  }, 20_000);

  it('deep emphasis and deep lists are cut too, and a sane depth is not', () => {
    const emphasis = analyze(`${head}${'*a '.repeat(300)}x${'*'.repeat(300)}\n`);
    expect(emphasis.lesson.diagnostics.map((d) => d.rule)).toContain('nesting-too-deep');
    const list = Array.from({ length: 200 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    expect(analyze(`${head}## Notes\n\n${list}\n`).lesson.diagnostics.map((d) => d.rule)).toContain('nesting-too-deep');
    const sane = Array.from({ length: 12 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    expect(analyze(`${head}## Notes\n\n${'> '.repeat(3)}quoted\n\n${sane}\n`).lesson.diagnostics.map((d) => d.rule)).not.toContain('nesting-too-deep');
  });
});

describe('front matter', () => {
  it('a YAML alias bomb is a front-matter error at the front matter, not a crash', () => {
    let yaml = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let previous = 'a';
    for (const name of 'bcdefghi') {
      yaml += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]\n`;
      previous = name;
    }
    const { lesson } = analyze(`---\n${yaml}---\n\n${head}`);
    expect(lesson.title).toBe('Limits');
    const error = lesson.diagnostics.find((d) => d.severity === 'error')!;
    expect([error.rule, error.line]).toEqual(['front-matter', 2]);
    expect(error.message).toMatch(/^Invalid YAML front matter: Excessive alias count/);
  });
});

describe('size', () => {
  it('a 4 MB lesson is too-large, naming the limit, and only its title is read', () => {
    const paragraph = 'Words that fill a lesson far beyond any real one. '.repeat(20);
    let text = head;
    while (text.length < 4 * 1024 * 1024) text += `## Part\n\n${paragraph}\n\n`;
    const { lesson } = analyze(text);
    const error = lesson.diagnostics.find((d) => d.rule === 'too-large')!;
    expect(error.severity).toBe('error');
    expect(error.message).toBe(`Lesson is 4.0 MB, over the ${MAX_LESSON_BYTES / 1024} KB limit for one lesson; only its title is read. Split it into smaller lessons`);
    expect(lesson.title).toBe('Limits');
    expect(lesson.sections).toEqual([]);
  });

  it('a 100,000-item list (1.2 MB) is too-large; so is a list over the item limit, at the item past it', () => {
    const items = (count: number) => Array.from({ length: count }, (_, i) => `- item ${i}`).join('\n');
    const huge = analyze(`${head}## Notes\n\n${items(100_000)}\n`).lesson;
    expect(huge.diagnostics.filter((d) => d.rule === 'too-large').map((d) => d.message)).toEqual([
      `Lesson is 1.2 MB, over the ${MAX_LESSON_BYTES / 1024} KB limit for one lesson; only its title is read. Split it into smaller lessons`,
    ]);
    const long = analyze(`${head}## Notes\n\n${items(MAX_LIST_ITEMS + 500)}\n`).lesson;
    const error = long.diagnostics.find((d) => d.rule === 'too-large')!;
    // The objective is item one; the list's first item is on line 9.
    expect(error.line).toBe(9 + MAX_LIST_ITEMS - 1);
    expect(error.message).toContain(`more than ${MAX_LIST_ITEMS.toLocaleString('en')} list items`);
    const under = analyze(`${head}## Notes\n\n${items(MAX_LIST_ITEMS - 10)}\n`).lesson;
    expect(under.diagnostics.map((d) => d.rule)).not.toContain('too-large');
    expect(JSON.stringify(under.sections)).toContain(`item ${MAX_LIST_ITEMS - 11}`);
  });
});

describe('linear parsing', () => {
  // micromark edits its event list each time a list item, list or quote closes. The stock edit
  // rebuilt the whole list every time (quadratic over a document); the edit now moves only what lies
  // after its first change. Counted, not timed: writes to the events before the edit.
  it('an edit near the end of a long event list leaves the events before it untouched', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => i) as unknown as Parameters<EditMap['consume']>[0];
    let early = 0;
    const watched = new Proxy(events, {
      set(target, key, value, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) < 9_990) early++;
        return Reflect.set(target, key, value, receiver);
      },
    });
    const map = new EditMap();
    const add = ['a', 'b'] as unknown as typeof events;
    map.add(9_995, 2, add);
    map.add(9_992, 0, ['c'] as unknown as typeof events);
    map.consume(watched);
    expect(early).toBe(0);
    // The same list the stock edit makes: the changes in order, each at its original index.
    const expected: unknown[] = Array.from({ length: 10_000 }, (_, i) => i);
    expected.splice(9_995, 2, 'a', 'b');
    expected.splice(9_992, 0, 'c');
    expect(events).toEqual(expected);
  });

  it('parses a long list of quoted items as the stock parser does', () => {
    const text = `${head}## Notes\n\n${Array.from({ length: 300 }, (_, i) => `- item ${i}\n  > quoted ${i}\n\n  more ${i}`).join('\n')}\n`;
    const { lesson } = analyze(text);
    const notes = lesson.sections.find((section) => section.title === 'Notes')!;
    expect(notes.markdown.match(/^\s*> quoted \d+$/gm)).toHaveLength(300);
    expect(notes.markdown).toContain('- item 299\n\n  > quoted 299\n\n  more 299');
  });
});
