/** JSON starter: keys kept, values become "TODO". */

export function jsonStarter(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON with comments (tsconfig.json) or placeholders: line by line, keys and comments kept, values
    // replaced where a line holds one: after a key, alone in a list, or a list or an object on one line.
    // An object's text holds no `/` outside its strings (JSON has none), so a comment after it stays out.
    return text
      .split('\n')
      .map((line) =>
        line.replace(
          /^(\s*(?:"[^"]*"\s*:\s*)?)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\[[^[\]{}]*\]|\{(?:[^"/]|"(?:[^"\\]|\\.)*")*\})(\s*,?\s*(?:\/\/.*|\/\*.*\*\/)?)$/,
          (_, head: string, value: string, tail: string) => `${head}${value.startsWith('{') ? objectSkeleton(value) : valueHint(value)}${tail}`,
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

/** A value on one line: a list keeps `[]` and becomes `["TODO"]` otherwise, anything else `"TODO"`. */
const valueHint = (value: string) => (!value.startsWith('[') ? '"TODO"' : value.slice(1, -1).trim() === '' ? value : '["TODO"]');

/** A member of an object on one line whose value is a string, number, literal or list (not an object: its members are met in turn). */
const MEMBER = /("(?:[^"\\]|\\.)*"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\[[^[\]{}]*\])/g;

/** An object on one line, nested ones included: keys and layout kept, each value hinted as on a line of its own. */
const objectSkeleton = (object: string) => object.replace(MEMBER, (_, key: string, value: string) => `${key}${valueHint(value)}`);
