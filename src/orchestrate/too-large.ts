/**
 * A lesson over a size limit (`too-large`, see parse/parse.ts) is read only to its title. A build
 * makes nothing of it, and starts no Chromium for it: its error is its whole result.
 */
import type { VFile } from 'vfile';

export function tooLargeToBuild(file: VFile): boolean {
  return file.messages.some((message) => message.ruleId === 'too-large' && message.fatal === true);
}
