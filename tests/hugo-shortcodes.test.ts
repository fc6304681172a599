// Hugo's box shortcodes, as AWS workshops and the Hugo Learn themes write them, read as boxes:
// `{{% notice tip %}}` … `{{% /notice %}}`, `{{< notice style="warning" title="…" >}}`,
// `{{% expand "Solution" %}}` (a solution, kept out of the exercise prompt). Pure: parse and extract.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import type { Root, RootContent } from 'mdast';
import { parseLesson } from '../src/parse/parse.js';
import { shortcodeDiv } from '../src/parse/preprocess.js';
import { analyze } from './helpers/render.js';

const parse = (value: string): Root => parseLesson(new VFile({ path: 'content/01-setup.md', value }));
const outline = (nodes: RootContent[]): string[] =>
  nodes.map((node) => (node.type === 'fencedDiv' ? `div:${node.name}[${outline(node.children).join(', ')}]` : node.type === 'heading' ? `h${node.depth}:${(node.children[0] as { value: string }).value}` : node.type));

describe('Hugo box shortcodes', () => {
  it('reads {{% notice tip %}} and {{< notice style=… title=… >}} as boxes, the lesson after them outside', () => {
    const tree = parse('# T\n\n{{% notice tip %}}\nUse the console.\n{{% /notice %}}\n\n{{< notice style="warning" title="Costs" >}}\nDelete the stack.\n{{< /notice >}}\n\nAfter.\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'div:tip[paragraph]', 'div:warning[h4:Costs, paragraph]', 'paragraph']);
  });

  it('makes {{% expand "Solution" %}} a solution, out of the exercise prompt', () => {
    const lesson = analyze('# T\n\n## Exercise\n\nCreate a bucket.\n\n{{%expand "Solution" %}}\n```bash\naws s3 mb s3://demo\n```\n{{% /expand%}}\n', 'content/01-setup.md');
    expect(lesson.exercises).toHaveLength(1);
    expect(lesson.exercises[0]!.prompt).not.toContain('aws s3');
    expect(lesson.exercises[0]!.solution).toContain('aws s3 mb');
  });

  it('leaves a shortcode that never closes, and one of another kind, as they were (twin)', () => {
    const tree = parse('# T\n\n{{% notice info %}}\nNo end.\n\n{{< youtube abc >}}\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'paragraph', 'paragraph']);
    expect(JSON.stringify(tree)).toContain('{{% notice info %}}');
  });

  it('names the box by style or first word, and titles it', () => {
    expect(shortcodeDiv('notice', ' note')).toEqual({ name: 'note', title: '' });
    expect(shortcodeDiv('notice', ' info "Before you start"')).toEqual({ name: 'info', title: 'Before you start' });
    expect(shortcodeDiv('hint', ' type="danger" title=\'Careful\'')).toEqual({ name: 'danger', title: 'Careful' });
    expect(shortcodeDiv('expand', ' "Show the answer"')).toEqual({ name: 'solution', title: 'Show the answer' });
  });
});
