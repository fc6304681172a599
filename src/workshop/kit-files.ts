/**
 * The workshop kit's files as the course index links them: what `lectern workshop` wrote in
 * `OUT/workshop/`, so the index of any later build of the same output links the kit too.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The kit's files, in the order a facilitator reaches for them, with their index labels. */
export const kitFiles: ReadonlyArray<{ name: string; label: string }> = [
  { name: 'agenda.pdf', label: 'Agenda (PDF)' },
  { name: 'facilitator-guide.pdf', label: 'Facilitator guide (PDF)' },
  { name: 'participant-pack.pdf', label: 'Participant pack (PDF)' },
];

/** The kit's files present in `OUT/workshop/`, as links relative to OUT (none when no kit was built). */
export function builtKit(outRoot: string): Array<{ label: string; href: string }> {
  return kitFiles.filter((file) => existsSync(join(outRoot, 'workshop', file.name))).map((file) => ({ label: file.label, href: `workshop/${file.name}` }));
}
