// Jekyll's Liquid in lessons (older Carpentries lessons, Jekyll course sites): `{% highlight %}`
// blocks are code, lines that are only site machinery (`{% include links.md %}`, comments) are not
// lesson text. Pure: the parser.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { parseLesson } from '../src/parse/parse.js';

const parse = (value: string): Root => parseLesson(new VFile({ path: '_episodes/01-basics.md', value }));
const summary = (tree: Root) => tree.children.map((node) => (node.type === 'code' ? `code(${node.lang}):${node.value}` : node.type === 'paragraph' ? `p:${(node.children[0] as { value?: string }).value}` : node.type));

describe('Liquid', () => {
  it('reads {% highlight %} … {% endhighlight %} as code in that language, indentation kept', () => {
    const tree = parse('# T\n\n{% highlight python linenos %}\nfor i in range(3):\n    print(i)\n{% endhighlight %}\n\nAfter.\n');
    expect(summary(tree)).toEqual(['heading', 'code(python):for i in range(3):\n    print(i)', 'p:After.']);
  });

  it('drops lines that are only site machinery, and a comment block with what it holds', () => {
    const tree = parse('# T\n\nBefore.\n\n{% include links.md %}\n\n{% comment %}\nA note for the site.\n{% endcomment %}\n\nAfter.\n');
    expect(summary(tree)).toEqual(['heading', 'p:Before.', 'p:After.']);
  });

  it('keeps Liquid inside a code block, and the lesson after a comment that never ends (twin)', () => {
    const tree = parse('# T\n\n```liquid\n{% include links.md %}\n{% highlight ruby %}\n```\n\n{% comment %}\n\nStill here.\n');
    expect(summary(tree)).toEqual(['heading', 'code(liquid):{% include links.md %}\n{% highlight ruby %}', 'p:Still here.']);
  });

  it('keeps every line where it was', () => {
    const tree = parse('# T\n\n{% include a.md %}\n{% highlight js %}\nx()\n{% endhighlight %}\n\nLast.\n');
    expect(tree.children.map((node) => node.position?.start.line)).toEqual([1, 4, 8]);
  });
});
