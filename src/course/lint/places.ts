/** Where in a file a course rule points: its title, a link, and how one file names another. Pure. */
import { dirname, relative, sep } from 'node:path';
import type { Link, Definition } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Link as ModelLink } from '../../model/lesson.js';
import type { CourseFile } from './rule.js';

export interface Place {
  line: number;
  column: number;
}

const start: Place = { line: 1, column: 1 };

/** The file's level-1 heading, or its first line. */
export function titlePlace(file: CourseFile): Place {
  const heading = file.tree?.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading?.position?.start ?? start;
}

/** The link node a model link came from (same URL, preferably the same text), or the first line. */
export function linkPlace(file: CourseFile, link: ModelLink): Place {
  if (!file.tree) return start;
  const matches: Link[] = [];
  visit(file.tree, 'link', (node) => {
    if (node.url === link.href) matches.push(node);
  });
  const text = plain(link.text);
  const best = matches.find((node) => plain(toString(node)) === text) ?? matches[0];
  return best?.position?.start ?? start;
}

function plain(text: string): string {
  return text.replace(/[*_`~]+/g, '').replace(/\s+/g, ' ').trim();
}

/** How a message in `from` names `to`: a relative link as its author would write it ("./3.2-design.md"). */
export function relativeName(from: string, to: string): string {
  const rel = relative(dirname(from), to).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/** A link or definition as a message names it. */
export function describeLink(node: Link | Definition): string {
  return node.type === 'definition' ? `Link definition [${node.label ?? node.identifier}]` : `Link "${toString(node)}"`;
}
