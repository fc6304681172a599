/**
 * `image-alt`: a lesson image needs alternative text, which is all a student who cannot see it gets
 * (WCAG 1.1.1), in the handout, the deck and the tagged PDFs alike. Alt text given as a kramdown
 * attribute after the image (`![](fig/a.svg){alt='…'}`, the Carpentries style) counts.
 */
import type { Image, ImageReference } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Rule } from '../rule.js';
import { report } from '../rule.js';

const kramdownAlt = /^\{[^}\n]*\balt\s*=\s*(?:'\s*[^'\s][^']*'|"\s*[^"\s][^"]*")/;

export const imageAlt: Rule = {
  id: 'image-alt',
  severity: 'warning',
  run(ctx) {
    visit(ctx.tree, (node, index, parent) => {
      if (node.type !== 'image' && node.type !== 'imageReference') return;
      const image = node as Image | ImageReference;
      if ((image.alt ?? '').trim() !== '') return;
      const next = index === undefined ? undefined : parent?.children[index + 1];
      if (next?.type === 'text' && kramdownAlt.test(next.value)) return;
      const what = image.type === 'image' ? `"${image.url}"` : `[${image.label ?? image.identifier}]`;
      report(ctx, imageAlt, `Image ${what} has no alternative text; describe what it shows in ![…](…) so that readers who cannot see it learn it too`, image);
    });
  },
};
