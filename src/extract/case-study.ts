/**
 * Case studies: Challenge / Solution / Results, as labelled list items or labelled paragraphs.
 */
import type { RootContent, List } from 'mdast';
import type { CaseStudy } from '../model/lesson.js';
import { type Block, blockNodes, splitItem, readLabel, paragraphLabel } from './blocks.js';
import { inlineMarkdown } from './markdown.js';
import { itemText } from './items.js';

type Part = 'challenge' | 'solution' | 'results';

const PARTS: Array<[Part, RegExp]> = [
  ['challenge', /^(?:the )?(?:challenge|problem|situation|context|background|scenario|issue)s?$/i],
  ['solution', /^(?:the )?(?:solution|approach|implementation|actions?|what (?:they|we) did|response)s?$/i],
  ['results', /^(?:the )?(?:results?|outcomes?|impact|benefits|lessons learned|key results)$/i],
];

function partOf(label: string): Part | null {
  // Labels and heading texts come trimmed at the start.
  const name = label.replace(/[:\s]+$/, '');
  for (const [part, pattern] of PARTS) if (pattern.test(name)) return part;
  return null;
}

/** Strips "Case Study 1:" from a case study heading. */
export function caseStudyTitle(title: string): string {
  const stripped = title.replace(/^\s*case\s+study(?:\s+#?\d+)?\s*[:.\-–—]\s*/i, '').trim();
  return stripped || title;
}

/** Whether a run of nodes looks like a case study (has a labelled part). */
export function hasCaseStudyParts(nodes: RootContent[]): boolean {
  return nodes.some((node) => {
    const label = paragraphLabel(node);
    if (label && partOf(label.label)) return true;
    if (node.type === 'heading') return partOf(inlineMarkdown(node.children)) !== null;
    if (node.type !== 'list') return false;
    return node.children.some((item) => {
      const found = readLabel(splitItem(item).lead);
      return found !== null && partOf(found.label) !== null;
    });
  });
}

/** Reads one case study from a block; unlabelled text it cannot place is returned as leftover. */
export function readCaseStudy(block: Block): { study: CaseStudy; leftover: RootContent[] } {
  const study: CaseStudy = { title: caseStudyTitle(block.title), challenge: '', solution: [], results: [], line: block.line };
  const leftover: RootContent[] = [];
  const challenge: string[] = [];
  let current: Part | null = null;

  const add = (part: Part, text: string) => {
    if (!text) return;
    if (part === 'challenge') challenge.push(text);
    else study[part].push(text);
  };
  const addList = (part: Part, list: List) => {
    for (const item of list.children) add(part, itemText(item));
  };

  for (const node of blockNodes(block, false)) {
    if (node.type === 'heading') {
      current = partOf(inlineMarkdown(node.children));
      if (!current) leftover.push(node);
      continue;
    }
    if (node.type === 'paragraph') {
      const label = paragraphLabel(node);
      const part = label ? partOf(label.label) : null;
      if (part && label) {
        current = part;
        add(part, label.rest);
      } else if (current) {
        add(current, inlineMarkdown(node.children));
      } else {
        leftover.push(node);
      }
      continue;
    }
    if (node.type === 'list') {
      const unlabelled: typeof node.children = [];
      for (const item of node.children) {
        const { lead, rest, nested } = splitItem(item);
        const label = readLabel(lead);
        const part = label ? partOf(label.label) : null;
        if (part && label) {
          current = part;
          add(part, label.rest);
          for (const extra of rest) if (extra.type === 'paragraph') add(part, inlineMarkdown(extra.children));
          for (const list of nested) addList(part, list);
        } else {
          unlabelled.push(item);
        }
      }
      if (unlabelled.length > 0) {
        if (current) for (const item of unlabelled) add(current, itemText(item));
        else leftover.push({ ...node, children: unlabelled });
      }
      continue;
    }
    if (node.type !== 'code') leftover.push(node);
  }
  study.challenge = challenge.join(' ');
  return { study, leftover };
}
