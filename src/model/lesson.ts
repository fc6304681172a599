/**
 * src/model/ holds the typed lesson model: the only thing that crosses from extraction to rendering.
 * Its JSON form is the public contract of `lectern inspect` (see CONTRACT.md).
 */

export type Severity = 'error' | 'warning' | 'info';

export interface Link {
  text: string;
  href: string;
}

export interface Navigation {
  overview: Link | null;
  previous: Link | null;
  next: Link | null;
  details: Link | null;
  /** "Next Module", "Back to Lesson Plan" and other navigation links beyond the four above. */
  others?: Link[];
}

export interface TextItem {
  text: string;
  line: number;
}

export interface Outline {
  text: string;
  children: Outline[];
}

export interface Concept {
  title: string;
  line: number;
  items: Outline[];
}

export interface Diagram {
  title: string;
  /** Mermaid's own name for the diagram kind: flowchart, sequence, class, state, er, gantt, pie, mindmap, … */
  type: string;
  code: string;
  line: number;
}

export interface Example {
  title: string;
  /** What the code really is. */
  language: string | null;
  /** The fence's info string (normalised), or null. */
  declaredLanguage: string | null;
  code: string;
  line: number;
}

export interface PracticeItem {
  title: string;
  points: string[];
}

export interface PracticeGroup {
  title: string;
  items: PracticeItem[];
}

export interface CaseStudy {
  title: string;
  challenge: string;
  solution: string[];
  results: string[];
  line: number;
}

export interface Exercise {
  title: string;
  /** Markdown; never contains the solution. */
  prompt: string;
  steps: string[];
  hints: string[];
  /** Markdown, or null when the lesson gives none. */
  solution: string | null;
  /** Notes for the instructor only (Markdown): `instructor` divs inside the exercise. */
  instructorNotes: string[];
  line: number;
}

export interface Resource {
  text: string;
  url: string | null;
  line: number;
}

export interface Section {
  title: string;
  markdown: string;
  line: number;
}

export interface Diagnostic {
  severity: Severity;
  rule: string;
  message: string;
  line: number;
  column: number;
}

export interface LessonMeta {
  teachingMinutes: number | null;
  exerciseMinutes: number | null;
  [key: string]: unknown;
}

/** What kind of document a source file is. */
export type DocumentKind = 'lesson' | 'module-overview' | 'lecture-notes';

export interface Lesson {
  source: string;
  id: string;
  number: string | null;
  title: string;
  meta: LessonMeta;
  navigation: Navigation;
  objectives: TextItem[];
  questions: TextItem[];
  keypoints: TextItem[];
  concepts: Concept[];
  diagrams: Diagram[];
  examples: Example[];
  practices: PracticeGroup[];
  caseStudies: CaseStudy[];
  exercises: Exercise[];
  pitfalls: TextItem[];
  resources: Resource[];
  reviewQuestions: TextItem[];
  nextSteps: TextItem[];
  sections: Section[];
  diagnostics: Diagnostic[];
}

/** An empty model: every field present, as the contract requires. */
export function createLesson(source: string, id: string): Lesson {
  return {
    source,
    id,
    number: null,
    title: '',
    meta: { teachingMinutes: null, exerciseMinutes: null },
    navigation: { overview: null, previous: null, next: null, details: null },
    objectives: [],
    questions: [],
    keypoints: [],
    concepts: [],
    diagrams: [],
    examples: [],
    practices: [],
    caseStudies: [],
    exercises: [],
    pitfalls: [],
    resources: [],
    reviewQuestions: [],
    nextSteps: [],
    sections: [],
    diagnostics: [],
  };
}
