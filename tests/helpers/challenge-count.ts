// An independent count of the questions in a Carpentries episode, read line by line from the source
// markers (`::: challenge` / `::: solution` divs, or `> ## Title` blockquotes closed by
// `{: .challenge}` with `> > ## Solution` blocks closed by `> {: .solution}`). It shares no code with
// the extractor: it is the truth the fidelity test holds the extractor to.
//
// The definition (issue #15): inside a challenge, a question ends at a solution block (solution
// blocks that follow each other, with no question text between them, answer the same question) or
// at the next question's own heading. A solution block titled "Hint" is a hint, not an answer. Text
// after the last solution with no solution of its own follows up the last question, and text before
// the first inner heading introduces that heading's question.

/** What happens inside one challenge, in order. */
type Event = 'text' | 'heading' | 'solution';

export interface ChallengeCount {
  /** Questions (exercises) in the episode. */
  questions: number;
  /** Questions that have at least one solution. */
  solved: number;
}

/** Counts the questions of one challenge from its events. */
function countEvents(events: Event[]): ChallengeCount {
  interface Question {
    solved: boolean;
    headed: boolean;
    afterSolution: boolean;
    text: boolean;
  }
  const questions: Question[] = [];
  let open: Question | null = null;
  const push = (question: Question) => {
    questions.push(question);
    open = question;
  };
  for (const event of events) {
    const current = open as Question | null;
    if (event === 'heading') {
      if (current && !current.solved && !current.headed) {
        // An introduction or a follow-up: not a question of its own.
        questions.pop();
      }
      push({ solved: false, headed: true, afterSolution: false, text: false });
    } else if (event === 'text') {
      if (!current) push({ solved: false, headed: false, afterSolution: false, text: true });
      else if (current.solved) push({ solved: false, headed: false, afterSolution: true, text: true });
      else current.text = true;
    } else {
      if (!current) push({ solved: true, headed: false, afterSolution: false, text: false });
      else current.solved = true;
    }
  }
  const last = questions[questions.length - 1];
  if (questions.length > 1 && last && last.afterSolution && !last.solved) questions.pop();
  if (questions.length === 0) questions.push({ solved: false, headed: false, afterSolution: false, text: false });
  return { questions: questions.length, solved: questions.filter((q) => q.solved).length };
}

const FENCE = /^\s*(`{3,}|~{3,})/;

/** Fenced code: the fence open after `line`, and whether the line opened one or is inside one. */
function fenced(line: string, fence: string | null): { fence: string | null; opens: boolean; code: boolean } {
  const marker = FENCE.exec(line)?.[1];
  if (fence) return { fence: marker && marker[0] === fence[0] && marker.length >= fence.length ? null : fence, opens: false, code: true };
  return marker ? { fence: marker, opens: true, code: true } : { fence: null, opens: false, code: false };
}
const HINT_TITLE = /^\s*#+\s*hints?\b/i;

/**
 * A non-blank line of a challenge outside code and nested blocks: its first heading is the title,
 * a later one starts a question; anything else is question text. Returns whether the title was seen.
 */
function proseLine(line: string, titleSeen: boolean, events: Event[]): boolean {
  if (/^#{1,6}\s/.test(line)) {
    if (titleSeen && !/^#+\s*(?:solutions?|hints?)\s*$/i.test(line)) events.push('heading');
    return true;
  }
  events.push('text');
  return true;
}

/** Questions in a Workbench episode (Pandoc fenced divs). */
export function countWorkbench(source: string): ChallengeCount {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const total: ChallengeCount = { questions: 0, solved: 0 };
  // Open divs, innermost last.
  const stack: string[] = [];
  let events: Event[] = [];
  let fence: string | null = null;
  let titleSeen = false;
  let solutionIsHint = false;
  let solutionFirstLine = true;
  for (const line of lines) {
    const inChallenge = stack[stack.length - 1] === 'challenge';
    const code = fenced(line, fence);
    fence = code.fence;
    if (code.code) {
      if (code.opens && inChallenge) events.push('text');
      continue;
    }
    if (/^:{3,}\s*$/.test(line)) {
      const closed = stack.pop();
      if (closed === 'challenge') {
        const count = countEvents(events);
        total.questions += count.questions;
        total.solved += count.solved;
      } else if (closed === 'solution' && stack[stack.length - 1] === 'challenge' && !solutionIsHint) {
        events.push('solution');
      }
      continue;
    }
    const opener = /^:{3,}\s*\{?\s*\.?([A-Za-z][\w-]*)/.exec(line);
    if (opener) {
      const name = opener[1]!.toLowerCase();
      if (name === 'challenge' && !stack.includes('challenge')) {
        events = [];
        titleSeen = false;
      } else if (inChallenge && name === 'solution') {
        solutionIsHint = false;
        solutionFirstLine = true;
      } else if (inChallenge && name !== 'hint') {
        events.push('text');
      }
      stack.push(name);
      continue;
    }
    if (stack[stack.length - 1] === 'solution' && line.trim() !== '' && solutionFirstLine) {
      solutionFirstLine = false;
      solutionIsHint = HINT_TITLE.test(line);
    }
    if (!inChallenge || line.trim() === '') continue;
    titleSeen = proseLine(line, titleSeen, events);
  }
  return total;
}

/** Questions in a styles-dialect episode (blockquotes closed by kramdown attribute lines). */
export function countStyles(source: string): ChallengeCount {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const total: ChallengeCount = { questions: 0, solved: 0 };
  lines.forEach((line, end) => {
    if (!/^\{:\s*\.challenge\s*\}\s*$/.test(line.trim()) || line.startsWith('>')) return;
    let start = end;
    while (start > 0 && lines[start - 1]!.startsWith('>')) start--;
    // The challenge's lines without their first `>`.
    const inner = lines.slice(start, end).map((l) => l.replace(/^>\s?/, ''));
    const events: Event[] = [];
    let titleSeen = false;
    let fence: string | null = null;
    for (let i = 0; i < inner.length; i++) {
      const text = inner[i]!;
      // Code in the question (a shell prompt's `>` continuation lines are code, not a nested block).
      const code = fenced(text, fence);
      fence = code.fence;
      if (code.code) {
        if (code.opens) {
          titleSeen = true;
          events.push('text');
        }
        continue;
      }
      if (text.startsWith('>')) {
        // A nested block: its class is on the attribute line that closes it.
        let j = i;
        while (j < inner.length && inner[j]!.startsWith('>')) j++;
        const closing = /^\{:\s*\.([\w-]+)/.exec(inner[j] ?? '')?.[1];
        const block = inner.slice(i, j).map((l) => l.replace(/^>\s?/, ''));
        const title = block.find((l) => l.trim() !== '') ?? '';
        if (closing === 'solution' && !HINT_TITLE.test(title)) events.push('solution');
        else if (closing !== 'hint' && closing !== 'solution') events.push('text');
        i = j;
        continue;
      }
      if (text.trim() === '' || /^\{:/.test(text.trim())) continue;
      titleSeen = proseLine(text, titleSeen, events);
    }
    const count = countEvents(events);
    total.questions += count.questions;
    total.solved += count.solved;
  });
  return total;
}
