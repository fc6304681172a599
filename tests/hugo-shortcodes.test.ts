// Hugo's box shortcodes, as AWS workshops and the Hugo Learn themes write them, read as boxes:
// `{{% notice tip %}}` … `{{% /notice %}}`, `{{< notice style="warning" title="…" >}}`,
// `{{% expand "Solution" %}}` (a solution, kept out of the exercise prompt). Pure: parse and extract.
import { describe, it, expect } from 'vitest';
import { shortcodeDiv } from '../src/parse/preprocess.js';
import { expectSolutionKeptOut, outline, parseAt } from './helpers/boxes.js';

const parse = parseAt('content/01-setup.md');

describe('Hugo box shortcodes', () => {
  it('reads {{% notice tip %}} and {{< notice style=… title=… >}} as boxes, the lesson after them outside', () => {
    const tree = parse('# T\n\n{{% notice tip %}}\nUse the console.\n{{% /notice %}}\n\n{{< notice style="warning" title="Costs" >}}\nDelete the stack.\n{{< /notice >}}\n\nAfter.\n');
    expect(outline(tree.children)).toEqual(['h1:T', 'div:tip[paragraph]', 'div:warning[h4:Costs, paragraph]', 'paragraph']);
  });

  it('makes {{% expand "Solution" %}} a solution, out of the exercise prompt', () => {
    expectSolutionKeptOut('# T\n\n## Exercise\n\nCreate a bucket.\n\n{{%expand "Solution" %}}\n```bash\naws s3 mb s3://demo\n```\n{{% /expand%}}\n', 'content/01-setup.md', 'aws s3 mb');
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
