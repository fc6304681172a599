/**
 * Slide budgets: how much fits on a slide, and how to divide content that does not fit into
 * balanced, contiguous parts ("(cont.)" slides). Costs are in rendered text rows of body text.
 */

/** Visible rows on a bullet slide (concepts, pitfalls, practices …), counting nested items. */
export const LIST_BUDGET = 9;
/** Rows on a slide of a flat list of top-level items (pitfalls, review questions, summary …). */
export const FLAT_BUDGET = 10;
/** Rows on a slide of free-form section content (prose, callouts, code). */
export const SECTION_BUDGET = 13;
/** Code lines on an example slide (the theme fits ~18 at its code size; the caption takes the rest). */
export const CODE_BUDGET = 17;
/** Characters per row of body text at the theme's size (1280 px wide, 28 px text). */
export const CHARS_PER_ROW = 72;
/** Characters per row of nested list items (0.9 em). */
export const NESTED_CHARS_PER_ROW = 80;
/** Height of a nested row relative to a top-level one. */
export const NESTED_ROW = 0.86;
/** Characters per row of section prose (25 px text). */
export const SECTION_CHARS_PER_ROW = 84;
/** Characters per row of code before `pre-wrap` wraps it (18 px monospace in a 1100 px box). */
export const CODE_CHARS_PER_ROW = 98;
/** How many section rows one code line takes (the code font is smaller). */
export const CODE_ROW = 0.7;

/** Rows a list item takes: top-level items at full size, nested ones smaller. */
export function itemRows(text: string, depth = 1): number {
  return depth <= 1 ? rows(text, CHARS_PER_ROW) : rows(text, NESTED_CHARS_PER_ROW) * NESTED_ROW;
}

/** Rows a line of text takes when wrapped at `width` characters. */
export function rows(text: string, width = CHARS_PER_ROW): number {
  const length = [...text].length;
  return Math.max(1, Math.ceil(length / width));
}

/**
 * Divides units into contiguous parts of at most `budget` (a single unit larger than the budget
 * gets a part of its own), balanced so that parts are of similar size, and at least `minParts`
 * parts when there are enough units.
 */
export function pack<T>(units: readonly T[], cost: (unit: T) => number, budget: number, minParts = 1): T[][] {
  if (units.length === 0) return [];
  const costs = units.map((unit) => Math.max(0, cost(unit)));
  const total = costs.reduce((a, b) => a + b, 0);
  const wanted = Math.min(units.length, Math.max(1, minParts, Math.ceil(total / budget - 1e-9)));
  if (wanted <= 1 && total <= budget) return [units.slice()];

  const greedy = (cap: number): number[][] => {
    const parts: number[][] = [];
    let current: number[] = [];
    let sum = 0;
    costs.forEach((c, index) => {
      if (current.length > 0 && sum + c > cap + 1e-9) {
        parts.push(current);
        current = [];
        sum = 0;
      }
      current.push(index);
      sum += c;
    });
    if (current.length > 0) parts.push(current);
    return parts;
  };

  // The fewest parts the budget allows, then the smallest capacity that still needs no more.
  let low = Math.max(...costs);
  let high = Math.max(low, budget);
  const target = Math.max(wanted, greedy(high).length);
  for (let i = 0; i < 40 && high - low > 1e-3; i++) {
    const mid = (low + high) / 2;
    if (greedy(mid).length <= target) high = mid;
    else low = mid;
  }
  return finish(balance(greedy(high).length, high) ?? greedy(high));

  /** Cuts nearest to equal shares of the total, if every part then stays within `cap`. */
  function balance(count: number, cap: number): number[][] | null {
    if (count <= 1) return null;
    const prefix = [0];
    for (const c of costs) prefix.push(prefix[prefix.length - 1] + c);
    const cuts: number[] = [0];
    for (let j = 1; j < count; j++) {
      const ideal = (total * j) / count;
      let best = -1;
      for (let i = cuts[cuts.length - 1] + 1; i <= costs.length - (count - j); i++) {
        if (best < 0 || Math.abs(prefix[i] - ideal) < Math.abs(prefix[best] - ideal)) best = i;
      }
      if (best < 0) return null;
      cuts.push(best);
    }
    cuts.push(costs.length);
    const parts: number[][] = [];
    for (let j = 0; j < count; j++) {
      const part: number[] = [];
      for (let i = cuts[j]; i < cuts[j + 1]; i++) part.push(i);
      const partCost = prefix[cuts[j + 1]] - prefix[cuts[j]];
      if (part.length === 0 || (part.length > 1 && partCost > cap + 1e-9)) return null;
      parts.push(part);
    }
    return parts;
  }

  function finish(parts: number[][]): T[][] {
    // Reach `wanted` parts by halving the largest part that can still be divided.
    while (parts.length < wanted) {
      let largest = -1;
      let largestCost = -1;
      parts.forEach((part, index) => {
        const partCost = part.reduce((sum, i) => sum + costs[i], 0);
        if (part.length > 1 && partCost > largestCost) {
          largest = index;
          largestCost = partCost;
        }
      });
      if (largest < 0) break;
      const part = parts[largest];
      let sum = 0;
      let cut = 1;
      for (let i = 0; i < part.length - 1; i++) {
        sum += costs[part[i]];
        cut = i + 1;
        if (sum >= largestCost / 2) break;
      }
      parts.splice(largest, 1, part.slice(0, cut), part.slice(cut));
    }
    return parts.map((part) => part.map((index) => units[index]));
  }
}

/**
 * Splits code into parts of at most `budget` rows (long lines count as the rows they wrap to),
 * never inside a line. With no forced part count, the parts are chosen as a whole (`structuralSplit`):
 * the fewest slides, each but the last filled to at least 70 %, cut at the strongest boundary.
 */
export function splitCode(code: string, budget = CODE_BUDGET, minParts = 1): string[] {
  const lines = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const cost = (line: string) => rows(line, CODE_CHARS_PER_ROW);
  if (minParts <= 1) return structuralSplit(lines, lines.map(cost), budget);
  // A forced split never makes a slide of blank lines: they are left out of the count, and a part
  // that would hold nothing else is dropped.
  while (lines.length > 1 && lines[0]!.trim() === '') lines.shift();
  const parts = pack(lines.map((line, index) => ({ line, index })), (unit) => cost(unit.line), budget, minParts);
  if (parts.length <= 1) return [lines.join('\n')];
  // Move each cut up to 3 lines to land after a blank line, if both sides stay within budget.
  const starts = parts.map((part) => part[0].index);
  const sumRows = (from: number, to: number) => lines.slice(from, to).reduce((s, l) => s + cost(l), 0);
  const cap = Math.max(...parts.map((part) => part.reduce((s, unit) => s + cost(unit.line), 0))) + 1;
  for (let p = 1; p < starts.length; p++) {
    const start = starts[p];
    const previous = starts[p - 1];
    const next = starts[p + 1] ?? lines.length;
    for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
      const candidate = start + delta;
      if (candidate <= previous || candidate >= next) continue;
      if (lines[candidate - 1].trim() !== '') continue;
      if (sumRows(previous, candidate) > Math.min(cap, budget) || sumRows(candidate, next) > Math.min(cap, budget)) continue;
      starts[p] = candidate;
      break;
    }
  }
  const split = starts.map((start, p) => {
    const end = starts[p + 1] ?? lines.length;
    return lines.slice(start, end).join('\n').replace(/^\n+|\n+$/g, '');
  });
  return split.filter((part) => part.trim() !== '');
}

/** A slide that is not the last should be at least this full. */
const FILL = 0.7;

/**
 * How bad a cut before line `i` is: none at a YAML document separator (`---`), little after a blank
 * line, more at a top-level line (a key, a function), and the more the deeper the line is indented:
 * a part should never start in the middle of a nested block.
 */
function cutPenalty(lines: readonly string[], i: number): number {
  const line = lines[i] ?? '';
  if (/^---\s*$/.test(line)) return 0;
  if ((lines[i - 1] ?? '').trim() === '') return 2;
  const indent = /^\s*/.exec(line)![0].replace(/\t/g, '    ').length;
  if (/^\s*[)}\]]/.test(line)) return 20;
  return indent === 0 ? 4 : 6 + indent;
}

/**
 * The fewest parts of at most `budget` rows; among those, every part but the last at least 70 % full
 * when possible, then the cuts at the strongest structural boundaries, then the fullest slides first.
 * Dynamic programming over cut positions (lessons' code is short).
 */
function structuralSplit(lines: readonly string[], costs: readonly number[], budget: number): string[] {
  const n = lines.length;
  const prefix = [0];
  for (const c of costs) prefix.push(prefix[prefix.length - 1]! + c);
  if (prefix[n]! <= budget) return [lines.join('\n')];
  const best: number[] = [0];
  const from: number[] = [0];
  for (let i = 1; i <= n; i++) {
    best[i] = Infinity;
    for (let j = i - 1; j >= 0; j--) {
      const size = prefix[i]! - prefix[j]!;
      if (size > budget && j < i - 1) break;
      const last = i === n;
      const score =
        1000 + (last ? 0 : (size < FILL * budget ? 100 : 0) + cutPenalty(lines, i) + (budget - size) / budget);
      if (best[j]! + score < best[i]!) {
        best[i] = best[j]! + score;
        from[i] = j;
      }
    }
  }
  const cuts: number[] = [];
  for (let i = n; i > 0; i = from[i]!) cuts.unshift(from[i]!);
  return cuts.map((start, p) => lines.slice(start, cuts[p + 1] ?? n).join('\n').replace(/^\n+|\n+$/g, ''));
}
