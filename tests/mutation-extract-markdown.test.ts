// src/extract/markdown.ts, function by function: what its mutation run left alive (issue 20). Each
// lesson list item and section passes through these, so each case is a sentence a lesson could hold.
import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { blockMarkdown, collapse, inlineMarkdown, plainText, serialiseInline, trimEdges } from '../src/extract/markdown.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });

describe('inlineMarkdown', () => {
  it('gives what the serialiser gives, whether or not the text can skip it', () => {
    const texts = [
      'Explain images and containers',
      'Use *stars* and _underscores_ literally',
      'A pipe | in a table cell',
      'Visit www.example.org for more',
      'See https://example.org/docs',
      'Mail admin@example.org',
      'a < b && c > d',
      'x = 1 ~ y',
      'Ends with a digit 7',
      'Über alles 2 go',
      '[not a link]',
      'Back\\slash',
      'Tick `code` tock',
    ];
    for (const value of texts) expect(inlineMarkdown([text(value)]), value).toBe(serialiseInline([text(value)]));
  });

  it('is empty for nothing, or for whitespace only', () => {
    expect(inlineMarkdown([])).toBe('');
    expect(inlineMarkdown([text('   ')])).toBe('');
  });
});

describe('serialiseInline', () => {
  it('drops the escapes that only matter at the start of a block', () => {
    expect(serialiseInline([text('2. Diagrams')])).toBe('2. Diagrams');
    expect(serialiseInline([text('10) Ten steps')])).toBe('10) Ten steps');
    expect(serialiseInline([text('- not a list')])).toBe('- not a list');
    expect(serialiseInline([text('+ plus')])).toBe('+ plus');
    expect(serialiseInline([text('# not a heading')])).toBe('# not a heading');
  });

  it('drops them at the start of every line the text was wrapped on, not only the first', () => {
    expect(serialiseInline([text('Run the tests\n2. then the build')])).toBe('Run the tests 2. then the build');
    expect(serialiseInline([text('Keep the file\n- small')])).toBe('Keep the file - small');
    expect(serialiseInline([text('Step 2\\. stays escaped')])).toBe('Step 2\\\\. stays escaped');
  });

  it('keeps the escapes that still matter inline', () => {
    expect(serialiseInline([text('a *b* c')])).toBe('a \\*b\\* c');
  });
});

describe('trimEdges', () => {
  it('trims the first and the last text, and drops them when nothing is left', () => {
    const strong: PhrasingContent = { type: 'strong', children: [text('bold')] };
    expect(trimEdges([text('  two spaces '), strong, text('  end  ')])).toEqual([text('two spaces '), strong, text('  end')]);
    expect(trimEdges([text('   '), strong, text(' \t ')])).toEqual([strong]);
    expect(trimEdges([text('   ')])).toEqual([]);
    expect(trimEdges([text('word')])).toEqual([text('word')]);
  });
});

describe('blockMarkdown', () => {
  it('is empty for no blocks, and the blocks as Markdown otherwise', () => {
    expect(blockMarkdown([])).toBe('');
    expect(blockMarkdown([{ type: 'paragraph', children: [text('One.')] }, { type: 'paragraph', children: [text('Two.')] }])).toBe('One.\n\nTwo.');
  });
});

describe('plainText and collapse', () => {
  it("reads images' alt text and keeps the words of separate nodes apart", () => {
    const image: PhrasingContent = { type: 'image', url: 'fig.png', alt: 'Architecture diagram' };
    expect(plainText([{ type: 'paragraph', children: [image] }, { type: 'paragraph', children: [text('Caption')] }])).toBe('Architecture diagram Caption');
    expect(plainText({ type: 'paragraph', children: [text('one'), image] })).toBe('oneArchitecture diagram');
  });

  it('turns hard breaks and runs of whitespace into single spaces', () => {
    expect(collapse('line one\\\nline two')).toBe('line one line two');
    expect(collapse('  a \t\n b  ')).toBe('a b');
  });
});
