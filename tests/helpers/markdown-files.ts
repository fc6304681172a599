// Every Markdown file under a folder, for tests that run over the test corpora.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The `.md` files under `dir`, at any depth, as paths joined onto `dir`, in directory order. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}
