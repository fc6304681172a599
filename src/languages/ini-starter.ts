/** INI and TOML starter: sections and keys kept, values replaced by TODO hints. */

import { indentOf, todo } from './starter-kit.js';

export function iniStarter(text: string): string[] {
  return text.split('\n').map((line) => {
    const trimmed = line.trim();
    // Sections are kept, TOML's arrays of tables (`[[servers]]`) and a comment after them included.
    if (trimmed === '' || /^[#;]/.test(trimmed) || /^\[\[?[^\]]+\]\]?\s*(?:[#;].*)?$/.test(trimmed)) return line;
    const key = /^("[^"]+"|[\w.-]+)\s*[=:]/.exec(trimmed)?.[1];
    return todo(indentOf(line), '#', key ? `set ${key}` : 'complete this setting');
  });
}
