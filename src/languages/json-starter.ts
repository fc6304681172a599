/** JSON starter: keys kept, values become "TODO". */

export function jsonStarter(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON with comments or placeholders: keep the keys line by line.
    return text
      .split('\n')
      .map((line) => line.replace(/^(\s*"[^"]*"\s*:\s*)(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)(\s*,?\s*)$/, '$1"TODO"$2'))
      .join('\n');
  }
  const skeleton = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      const first: unknown = node[0];
      return node.length === 0 ? [] : [first !== null && typeof first === 'object' ? skeleton(first) : 'TODO'];
    }
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, skeleton(v)]));
    }
    return 'TODO';
  };
  return JSON.stringify(skeleton(value), null, 2);
}
