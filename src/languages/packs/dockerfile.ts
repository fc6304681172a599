/** Dockerfiles (and Containerfiles): the image a lesson builds. */

import type { LanguagePack } from '../pack.js';
import { dockerfileStarter } from '../dockerfile-starter.js';
import { addScore } from '../snippet-facts.js';
import { code, listing } from '../starter-kit.js';

export const dockerfile: LanguagePack = {
  kind: 'dockerfile',
  aliases: ['docker', 'containerfile'],
  // At least two kinds of instruction, and they make up most of the snippet.
  score: ({ docker, significant }, scores) => {
    // Two kinds of instruction are two significant lines: `significant` is never 0 past this.
    if (docker.kinds.size < 2) return;
    const share = docker.lines / significant;
    if (share >= 0.6) addScore(scores, 'dockerfile', 3 * docker.lines);
    else if (share >= 0.3) addScore(scores, 'dockerfile', docker.lines);
  },
  baseNames: ['dockerfile', 'containerfile'],
  conventionalNames: ['Dockerfile'],
  fileName: () => 'Dockerfile',
  starter: dockerfileStarter,
  role: 'config',
  lab: {
    label: 'Dockerfile',
    subject: () => 'the Dockerfile',
    steps: ['Order the instructions so that dependencies are installed before the application code is copied: Docker then reuses the install layer.'],
    mistakes: ['Copying the whole project before installing dependencies, which rebuilds every layer on each change', 'Forgetting `--no-cache-dir` or cleanup, which bloats the image'],
    watch: ['Watch for learners who copy the application code before installing dependencies; ask them to change one source file and rebuild to see the cache miss.'],
    check: () => ({ command: 'docker build -t lab .', expected: 'The build ends without errors and `docker image ls lab` lists the new image.' }),
    // `.+` runs to the end of the line, and the ports and command are trimmed: one blank before them is enough.
    summary: (source) => {
      const parts: string[] = [];
      const base = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/im.exec(source)?.[1];
      if (base) parts.push(`builds on ${code(base)}`);
      const ports = [...source.matchAll(/^\s*EXPOSE\s(.+)/gim)].flatMap((m) => m[1]!.trim().split(/\s+/));
      if (ports.length > 0) parts.push(`exposes port${ports.length > 1 ? 's' : ''} ${listing(ports)}`);
      const cmd = /^\s*(?:CMD|ENTRYPOINT)\s(.+)/im.exec(source)?.[1];
      if (cmd) parts.push(`starts with ${code(execForm(cmd))}`);
      return parts.length > 0 ? listing(parts) : null;
    },
  },
};

/** `["uvicorn", "app:app"]` → `uvicorn app:app`; the shell form as written. */
function execForm(text: string): string {
  const trimmed = text.trim();
  let parts: unknown = null;
  try {
    parts = JSON.parse(trimmed);
  } catch {
    // the shell form (`npm start`), or brackets that are no JSON array: printed as written
  }
  return Array.isArray(parts) ? parts.map(String).join(' ') : trimmed;
}
