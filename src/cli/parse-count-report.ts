/**
 * Test hook: with LECTERN_TEST_COUNT_PARSES=<file>, the process appends the number of Markdown
 * parses it made to that file as it exits; the test sums the lines.
 */
import { appendFileSync } from 'node:fs';
import { parseCount } from '../parse/parse-count.js';

let hooked = false;

/** Installs the exit hook once when `env` asks for it. */
export function reportParsesOnExit(env: NodeJS.ProcessEnv): void {
  const file = env.LECTERN_TEST_COUNT_PARSES;
  if (!file || hooked) return;
  hooked = true;
  process.on('exit', () => {
    try {
      appendFileSync(file, `${parseCount()}\n`);
    } catch {
      // A test hook that cannot write only loses its count.
    }
  });
}
