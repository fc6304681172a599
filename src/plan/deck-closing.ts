/**
 * The deck's closing slides: the hands-on exercises (pointing to the lab sheet), review questions,
 * the summary (key points, or a recap of the objectives), next steps and resources. Pure.
 */
import type { Paragraph } from 'mdast';
import type { RenderContext } from '../render/context.js';
import type { SlideSink } from './deck-plan.js';
import { parseBlocks, nodesPlainText, escapeText, phrasingMarkdown } from '../render/markdown-safe.js';
import { pack, itemRows, FLAT_BUDGET } from './deck-split.js';
import { sentence } from './notes.js';

/** Plans the slides after the lesson's content; `objectives` are recapped when the lesson has no key points. */
export function planClosing(context: RenderContext, objectives: string[], deck: SlideSink, plain: (markdown: string) => string): void {
  const { lesson } = context;
  const { addParts, minParts } = deck;

  // Exercises.
  if (lesson.exercises.length > 0) {
    const items = lesson.exercises.map((exercise, index) => ({
      title: exercise.title || `Exercise ${index + 1}`,
      prompt: oneLinePrompt(exercise.prompt),
      exercise,
    }));
    const cost = (item: (typeof items)[number]) => itemRows(`${plain(item.title)} — ${plain(item.prompt)}`) + 0.3;
    addParts(pack(items, cost, FLAT_BUDGET - 1.5, minParts('exercises')), (part) => ({
      key: 'exercises',
      kind: 'exercises',
      title: 'Hands-on Exercises',
      line: lesson.exercises[0].line,
      exercise: true,
      data: { items: part.map(({ title, prompt }) => ({ title, prompt })), lab: labLink(context) },
      say: [
        'Introduce each exercise, check everyone knows where the lab sheet is, then let learners work.',
        ...part.flatMap(({ title, exercise }) => [
          exercise.steps.length > 0 ? `${plain(title)} (${exercise.steps.length} steps).` : sentence(plain(title)),
          ...exercise.hints.map((hint) => `Hint if learners get stuck: ${plain(hint)}`),
        ]),
        lesson.exercises.some((exercise) => exercise.solution) ? 'Solutions are in the instructor lab sheet.' : '',
      ],
    }));
  }

  // Review questions.
  if (lesson.reviewQuestions.length > 0) {
    const items = lesson.reviewQuestions.map((item) => item.text).filter(Boolean);
    addParts(pack(items, (text) => itemRows(plain(text)) + 0.15, FLAT_BUDGET, minParts('review')), (part) => ({
      key: 'review',
      kind: 'review',
      title: 'Check Your Understanding',
      line: lesson.reviewQuestions[0].line,
      data: { items: part },
      say: ['Ask each question and wait at least ten seconds before taking answers.', ...part.map((text) => `Ask: ${plain(text)}`)],
    }));
  }

  // Summary: the key points, or a recap of the objectives.
  const keypoints = lesson.keypoints.map((item) => item.text).filter(Boolean);
  const recap = keypoints.length > 0 ? keypoints : objectives;
  if (recap.length > 0) {
    const intro = keypoints.length > 0 ? 0 : 1.2;
    addParts(pack(recap, (text) => itemRows(plain(text)) + 0.15, FLAT_BUDGET - intro, minParts('summary')), (part) => ({
      key: 'summary',
      kind: 'summary',
      title: keypoints.length > 0 ? 'Key Points' : 'Summary',
      line: (keypoints.length > 0 ? lesson.keypoints[0]?.line : lesson.objectives[0]?.line) ?? 1,
      data: { items: part, recap: keypoints.length === 0 },
      say: [
        keypoints.length > 0 ? 'Recap the key points; ask learners which one they found hardest.' : 'Recap what learners can now do, one objective at a time.',
        ...part.map((text) => plain(text)),
      ],
    }));
  }

  // Next steps.
  if (lesson.nextSteps.length > 0) {
    const items = lesson.nextSteps.map((item) => item.text).filter(Boolean);
    addParts(pack(items, (text) => itemRows(plain(text)) + 0.15, FLAT_BUDGET, minParts('next-steps')), (part) => ({
      key: 'next-steps',
      kind: 'next-steps',
      title: 'Next Steps',
      line: lesson.nextSteps[0].line,
      data: { items: part },
      say: ['Point to what comes next and how it builds on today.', ...part.map((text) => plain(text))],
    }));
  }

  // Resources.
  if (lesson.resources.length > 0) {
    const items = lesson.resources
      .filter((item) => item.text || item.url)
      .map((item) => ({ text: item.text || item.url || '', url: item.url, label: urlLabel(item.url) }));
    const cost = (item: { text: string; label: string | null }) => itemRows(`${plain(item.text)} · ${item.label ?? ''}`) + 0.15;
    addParts(pack(items, cost, FLAT_BUDGET, minParts('resources')), (part) => ({
      key: 'resources',
      kind: 'resources',
      title: 'Resources',
      line: lesson.resources[0].line,
      data: { items: part },
      say: ['Mention which resource to read first; the links are in the handout too.'],
    }));
  }
}

function labLink(context: RenderContext): string {
  const lab = context.links.lab || 'lab.pdf';
  return lab;
}

/** A URL as readers see it: no scheme, at most 60 characters. */
function urlLabel(url: string | null): string | null {
  if (!url || !/^(?:https?:|mailto:)/i.test(url)) return null;
  const bare = url.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return bare.length <= 60 ? bare : `${bare.slice(0, 57)}…`;
}

/** The first paragraph of an exercise prompt, shortened to one line. */
function oneLinePrompt(prompt: string): string {
  const { nodes } = parseBlocks(prompt);
  const first = nodes.find((node): node is Paragraph => node.type === 'paragraph');
  if (!first) return '';
  const text = nodesPlainText(first);
  if (text.length <= 150) return phrasingMarkdown(first.children);
  const sentence = /^.{20,150}?[.?!](?=\s|$)/.exec(text)?.[0];
  if (sentence) return escapeText(sentence);
  const cut = text.slice(0, 140).replace(/\s+\S*$/, '');
  return `${escapeText(cut)} …`;
}
