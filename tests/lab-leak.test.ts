// The student lab never shows a solution (issue #20). Unlike lab-render's check, which starts from the
// extracted model, this one reads each lesson's own solution text straight from its Markdown (answer
// divs, and sections under a "Solution"/"Answer" heading) and looks for it on the student sheet; only
// text the lesson also prints outside its solutions may appear there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLab } from '../src/render/lab.js';
import { visibleText } from './helpers/html.js';
import { assets, contextFor, load, normal, root, templates } from './helpers/render.js';

const LESSONS = [
  'tests/fixtures/seed/input.md',
  'lessons/module-3-web-apis/3.1-http-fundamentals.md',
  'lessons/module-3-web-apis/3.2-restful-api-design.md',
  'lessons/module-3-web-apis/3.3-api-authentication.md',
  'tests/fixtures/workbench-loop/input.md',
  'tests/fixtures/workbench-create/input.md',
  ...['02-filedir', '03-create', '04-pipefilter', '05-loop', '06-script', '07-find'].map((name) => `tests/corpus/shell-novice/workbench/${name}.md`),
];

const ANSWER_DIV = /^\s*:{3,}\s*\{?\s*\.?(solution|instructor|answer|hint-instructor|facilitator)\b/;
const OTHER_DIV = /^\s*:{3,}\s*\{?\s*\.?[\w-]+/;
const CLOSE_DIV = /^\s*:{3,}\s*$/;
const SOLUTION_HEADING = /^(#{2,6})\s+(?:solutions?|answers?|sample solution|model answer|(?:possible|suggested|example) solution)(?:\s*\d+)?\s*$/i;
const HEADING = /^(#{1,6})\s/;

/** The lesson's lines, split into those inside a solution (div or section) and the rest. */
export function splitSolutions(markdown: string): { solution: string[]; rest: string[] } {
  const solution: string[] = [];
  const rest: string[] = [];
  /** Open divs, innermost last: true for an answer div. */
  const divs: boolean[] = [];
  let sectionLevel = 0;
  /** How many divs were open at the solution heading: its section ends with the div it is in. */
  let sectionDepth = 0;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading && sectionLevel > 0 && heading[1]!.length <= sectionLevel) sectionLevel = 0;
    const solutionHeading = SOLUTION_HEADING.exec(line);
    if (solutionHeading) [sectionLevel, sectionDepth] = [solutionHeading[1]!.length, divs.length];
    if (CLOSE_DIV.test(line)) {
      divs.pop();
      if (divs.length < sectionDepth) sectionLevel = 0;
      continue;
    }
    if (OTHER_DIV.test(line)) {
      divs.push(ANSWER_DIV.test(line));
      continue;
    }
    (sectionLevel > 0 || divs.includes(true) ? solution : rest).push(line);
  }
  return { solution, rest };
}

/** A line as a reader sees it: list markers, emphasis, code ticks and link targets gone. */
function readable(line: string): string {
  return normal(
    line
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]+/g, ''),
  );
}

describe("the student lab against the lesson's own solution text", () => {
  for (const path of LESSONS) {
    it(`${path}: no solution line on the student sheet`, () => {
      const markdown = readFileSync(join(root, path), 'utf8');
      const { solution, rest } = splitSolutions(markdown);
      const elsewhere = normal(rest.map(readable).join(' '));
      const secret = solution
        .map(readable)
        .filter((text) => text.length >= 12 && !/^(?:#|\/\/|--)/.test(text) && !elsewhere.includes(text));
      const student = visibleText(renderLab(contextFor(load(path)), templates, { instructor: false, assets }).html);
      const instructor = visibleText(renderLab(contextFor(load(path)), templates, { instructor: true, assets }).html);
      expect(secret.filter((text) => student.includes(text))).toEqual([]);
      // The twin: the reading finds real solution text, which the instructor version prints.
      if (secret.length > 0) expect(secret.some((text) => instructor.includes(text))).toBe(true);
    });
  }

  it('finds solutions in every lesson that has them (the reader works)', () => {
    const counts = LESSONS.map((path) => splitSolutions(readFileSync(join(root, path), 'utf8')).solution.filter((l) => l.trim()).length);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(8);
  });
});
