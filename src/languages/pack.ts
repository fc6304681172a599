/**
 * The shape of a language pack: everything Lectern knows about one kind of file a lesson shows, in one
 * object. A pack is either a language (`python`, `yaml`: fence aliases, detection, file names, starter)
 * or a file kind written in another pack's language (`compose`, `kubernetes`: written in `yaml`, with
 * their own file names, detection bonus and lab facts). `registry.ts` lists the packs.
 */

import type { Signal } from './signals.js';
import type { SnippetFacts } from './snippet-facts.js';

/** A command that tells a learner whether the file is right, and what it prints when it is. */
export interface CheckYourWork {
  command: string;
  expected: string;
}

/** What a lab sheet says about a "write this file" task of this kind. */
export interface LabFacts {
  /** Names the file in a task's goal: "Write the {label} `app.py` that …". */
  label: string;
  /** How the goal names the file, when `the {label} \`{fileName}\`` reads wrong ("the Dockerfile"). */
  subject?: (fileName: string) => string;
  /** Steps between "copy the starter" and "check your work" (inline Markdown). */
  steps: readonly string[];
  /** Common mistakes, shown to instructors. */
  mistakes: readonly string[];
  /** What to watch for while learners work, shown to instructors. */
  watch: readonly string[];
  /** The command that checks the learner's file, or null when there is none. */
  check?: (fileName: string, code: string) => CheckYourWork | null;
  /** What the file does, for the task's goal ("builds on `python:3.12` and exposes port 8000"), or null. */
  summary?: (code: string) => string | null;
}

export interface LanguagePack {
  /** The pack's id: a fence language (`python`) or a file kind (`compose`). Unique. */
  kind: string;
  /** The fence language files of this kind are written in, when it is another pack's (`compose` → `yaml`). */
  language?: string;
  /** Fence labels that mean this pack's language (`py`, `py3`), lower-case. */
  aliases?: readonly string[];
  /** Per-line signals the detector scores a snippet with (see `detect.ts`). */
  signals?: readonly Signal[];
  /** Scores the whole snippet once its lines are read (structure rather than single lines). */
  score?: (facts: SnippetFacts, scores: Map<string, number>) => void;
  /** Labels whose code is also valid under this label: detection keeps this label for it (TypeScript covers JavaScript). */
  covers?: readonly string[];
  /** Languages the `fence-language` lint accepts under this label although detection names them (JSON is valid YAML). */
  lintAccepts?: readonly string[];
  /** Deliberate non-code (terminal transcripts, plain text): the detector never second-guesses the label. */
  opaque?: boolean;
  /** No file name makes sense for a block with this label (a transcript is typed, not saved). */
  noFileName?: boolean;
  /** Typed at a prompt or read, never written as a file: no lab task, no file name on a slide. */
  typed?: boolean;
  /** Never a "write this file" task (read, not written), although it may have a file name. */
  noTask?: boolean;
  /** File name extensions (no dot) whose files can hold this language. */
  extensions?: readonly string[];
  /** Extensionless file names (lower-case) that are always this language (`dockerfile`). */
  baseNames?: readonly string[];
  /** File names tools expect by that name (`Dockerfile`, `package.json`): guessing one invents nothing. */
  conventionalNames?: readonly string[];
  /** The file name to suggest for a snippet of this kind, or null (let the next pack of the language decide). */
  fileName?: (code: string, facts: () => SnippetFacts) => string | null;
  /** For a file kind of another language: whether an example (with its file name) is of this kind. */
  matches?: (fileName: string, code: string, guessedName: () => string) => boolean;
  /** Comment syntax: a line comment, or with `commentEnd` what opens a block comment; `#` when unset. */
  comment?: string;
  /**
   * For a language with block comments only (CSS, HTML, XML): what closes the comment that `comment`
   * opens, so that a starter's TODO line is a comment there too.
   */
  commentEnd?: string;
  /** The learner's starter: lines of the example with substantive ones replaced by `TODO` hints. */
  starter?: (text: string) => string[];
  /** In a lesson of many small snippets: `config` examples still become tasks, `program` ones when over five lines. */
  role?: 'config' | 'program';
  /** Lab sheet facts for a "write this file" task; without them a task uses the generic ones. */
  lab?: LabFacts;
}
