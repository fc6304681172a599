/** JSON starter: keys kept, values become "TODO". */

export function jsonStarter(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON with comments (tsconfig.json) or placeholders: line by line, keys and comments kept, values
    // replaced where a line holds one: after a key, alone in a list, or a list on one line.
    return text
      .split('\n')
      .map((line) =>
        line.replace(
          /^(\s*(?:"[^"]*"\s*:\s*)?)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\[[^[\]{}]*\])(\s*,?\s*(?:\/\/.*|\/\*.*\*\/)?)$/,
          (_, head: string, scalar: string, tail: string) => `${head}${scalar.startsWith('[') ? listSkeleton(scalar) : '"TODO"'}${tail}`,
        ),
      )
      .join('\n');
  }
  const skeleton = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.length === 0 ? [] : [skeleton(node[0])];
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, skeleton(v)]));
    }
    return 'TODO';
  };
  return JSON.stringify(skeleton(value), null, 2);
}

/** A list on one line: `[]` stays, any other becomes `["TODO"]`. */
const listSkeleton = (list: string) => (list.slice(1, -1).trim() === '' ? list : '["TODO"]');
