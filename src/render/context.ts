/**
 * What a renderer knows besides the lesson: where it sits in the course, and what the build made for it.
 * Everything here is data; renderers stay pure.
 */
import type { Lesson } from '../model/lesson.js';

/** A rendered diagram, by its index in `lesson.diagrams`. */
export interface DiagramAsset {
  /** Path of the SVG relative to the lesson's output folder (`assets/diagram-1-docker-architecture.svg`), or null when it failed. */
  src: string | null;
  /** The SVG markup itself, for documents that inline it (handouts). Null when it failed. */
  svg: string | null;
  /** The Mermaid error, shown in a visible placeholder, when rendering failed. */
  error: string | null;
  /**
   * A diagram too big to read on one slide, split: an overview (when there is one), then one part per
   * branch, group or range of messages. `src` is then the whole figure, for documents that show it.
   */
  parts?: DiagramPartAsset[];
  /** The handout prints the parts after the whole figure, whose labels would be under 8 pt. */
  partsInHandout?: boolean;
}

/** One part of a split diagram. */
export interface DiagramPartAsset {
  /** "Overview", a branch or group label, "Messages 1–10". */
  name: string;
  src: string;
  svg: string;
  /** The part's own Mermaid code, which its description is made from. */
  code: string;
}

/** A local image the lesson uses, copied into the output's assets folder. */
export interface ImageAsset {
  /** The URL as written in the lesson. */
  original: string;
  /** Relative path from the lesson's output folder, or null when it must not be shown (remote, unsafe, missing). */
  src: string | null;
}

export interface RenderContext {
  lesson: Lesson;
  /** The course's title (from the input root's README, or the folder name). */
  courseTitle: string | null;
  /** The module's title (from the module README), or null. */
  moduleTitle: string | null;
  /** The lesson before this one in its module, for the lab's prerequisites; absent when it is the first or unknown. */
  previousLesson?: { title: string; number: string | null } | null;
  /** The lesson's minutes in the course's timing model (`lessonMinutes`), when the build knows them. */
  minutes?: { teaching: number; exercises: number; source: 'lesson' | 'overview' | 'estimate' } | null;
  /** Same order as `lesson.diagrams`. */
  diagrams: DiagramAsset[];
  /** Images by the URL written in the lesson. */
  images: Record<string, ImageAsset>;
  /** Lecture notes linked from `navigation.details`, already extracted, or null. */
  notes: Lesson | null;
  /** Diagrams of the lecture notes, same order as `notes.diagrams`. */
  notesDiagrams: DiagramAsset[];
  /** Relative links to the lesson's sibling documents, for cross references ("see the lab sheet"). */
  links: { deck: string; handout: string; lab: string; labInstructor: string };
  paper: 'a4' | 'letter';
  /** Deck theme name (a built-in or the file name of a user's CSS). */
  theme: string;
  /** Lectern's version, printed in footers and PDF metadata. */
  version: string;
}
