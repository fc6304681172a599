/** Dockerfile starter: instructions kept, arguments replaced by TODO hints. */

import { own } from './own.js';
import { indentOf, todo } from './starter-kit.js';

const DOCKER_HINTS: Record<string, string> = {
  FROM: 'choose a base image',
  WORKDIR: 'set the working directory',
  COPY: 'copy the files this step needs into the image',
  ADD: 'add the files this step needs to the image',
  RUN: 'run the command this step needs',
  ENV: 'set the environment variable(s)',
  ARG: 'declare the build argument',
  EXPOSE: "expose the application's port",
  CMD: 'set the command that starts the application',
  ENTRYPOINT: 'set the entrypoint',
  USER: 'switch to a non-root user',
  LABEL: 'add the image labels',
  VOLUME: 'declare the volume',
  HEALTHCHECK: 'add a health check',
  SHELL: 'set the shell',
  STOPSIGNAL: 'set the stop signal',
  ONBUILD: 'add the ONBUILD trigger',
};

export function dockerfileStarter(text: string): string[] {
  const out: string[] = [];
  let continuing = false;
  // The word that ends a here-document (`RUN <<EOF` … `EOF`), while in one.
  let heredoc: string | null = null;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (heredoc !== null) {
      if (trimmed === heredoc) heredoc = null;
      continue;
    }
    const comment = trimmed === '' || trimmed.startsWith('#');
    if (continuing) {
      // Comment lines inside an instruction split over lines do not end it.
      continuing = comment || trimmed.endsWith('\\');
      continue;
    }
    if (comment) {
      out.push(line);
      continue;
    }
    continuing = trimmed.endsWith('\\');
    heredoc = /<<-?(["']?)(\w+)\1/.exec(trimmed)?.[2] ?? null;
    const instruction = /^\w+/.exec(trimmed)?.[0].toUpperCase();
    let hint = instruction ? (own(DOCKER_HINTS, instruction) ?? `add the ${instruction} instruction`) : 'complete this line';
    if (instruction === 'RUN' && /\b(?:pip|npm|yarn|apt-get|apk|go mod|bundle|poetry|uv)\b/.test(trimmed)) hint = 'install the dependencies';
    const stage = /^FROM\s.*\sAS\s+(\S+)/i.exec(trimmed)?.[1];
    if (stage) hint += ` for the “${stage}” stage`;
    out.push(todo(indentOf(line), '#', hint));
  }
  return out;
}
