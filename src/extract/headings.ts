/**
 * Which part of a lesson a heading introduces, across the names real courses use.
 */

export type SectionKind =
  | 'navigation'
  | 'objectives'
  | 'questions'
  | 'keypoints'
  | 'concepts'
  | 'diagrams'
  | 'examples'
  | 'practices'
  | 'caseStudies'
  | 'exercises'
  | 'pitfalls'
  | 'resources'
  | 'reviewQuestions'
  | 'nextSteps';

/** Order matters: the first pattern that matches wins ("Review Questions" before "Questions"). */
const PATTERNS: Array<[SectionKind, RegExp]> = [
  ['navigation', /^(?:lesson )?navigation$/],
  ['reviewQuestions', /^(?:review questions?|quiz(?:zes)?|knowledge checks?|assessment(?: questions)?|self[- ]assessment|self[- ]check|check your understanding|test your knowledge|discussion questions)$/],
  ['objectives', /^(?:(?:learning |lesson |session )?objectives|learning (?:outcomes|goals)|outcomes|goals|what you('|’)?ll learn|what you will learn|by the end of this (?:lesson|session|module))$/],
  ['questions', /^(?:(?:key|guiding|focus) )?questions$/],
  ['keypoints', /^(?:key ?points|key takeaways|takeaways|summary of key points)$/],
  ['concepts', /^(?:(?:key|core|main|fundamental|essential) (?:concepts|topics|ideas)|concepts)$/],
  ['diagrams', /^(?:[\w -]+ )?diagrams?$/],
  ['examples', /^(?:(?:code|configuration|config|practical|worked|implementation|usage) )?examples?$/],
  ['practices', /^(?:best practices|recommended practices|good practices|practices)$/],
  ['caseStudies', /^(?:(?:real[- ]world |industry )?case stud(?:y|ies)(?: and examples)?)$/],
  ['exercises', /^(?:hands[- ]on(?: (?:practice|exercises?|labs?|activities))?|(?:practice )?exercises?|practical exercises?|practice(?: problems| tasks)?|activities|activity|labs?(?: exercises?)?|lab activities|challenges?|try it yourself)$/],
  ['pitfalls', /^(?:(?:common )?(?:pitfalls|mistakes|gotchas|anti-?patterns)(?: to avoid)?|what to avoid)$/],
  ['resources', /^(?:(?:additional |further |extra |useful )?(?:resources|reading)|further reading|references|reading list|learn more|see also|bibliography)$/],
  // Curricula in the "…-For-Beginners" shape: a quiz before and after the lesson (a link), and reading to do after it.
  ['resources', /^(?:(?:pre|post)[- ]?(?:lecture|lesson|class|reading) quiz(?:zes)?|(?:review and )?self[- ]?study)$/],
  ['nextSteps', /^(?:next steps?|what(?:'|’)?s next|where to go (?:from here|next))$/],
];

/** Strips emoji, numbering and punctuation from a heading so its name can be compared. */
export function normalizeHeading(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|\u20e3/gu, ' ')
    .replace(/^\s*(?:(?:part|section|step)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.):]\s+/i, '')
    .replace(/^\s*\d+(?:\.\d+)*\s+/, '')
    .replace(/[:.!?\s]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The lesson part a heading names, or null for a heading no field claims. */
export function classifyHeading(text: string): SectionKind | null {
  const name = normalizeHeading(text).replace(/&/g, 'and');
  for (const [kind, pattern] of PATTERNS) if (pattern.test(name)) return kind;
  return null;
}
