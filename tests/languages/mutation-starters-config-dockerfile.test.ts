// The Dockerfile starter (src/languages/dockerfile-starter.ts), written out whole for a multi-stage
// build: one hint per instruction (the stage named on each FROM, "install the dependencies" for a RUN
// that installs them), the lines an instruction continues over and here-documents skipped, comments and
// blank lines kept. The mutation run (README › Mutation testing) showed these untested; writing them
// out found that a comment inside a continued RUN ended it (its next line became a hint of its own),
// that here-document lines became instructions, that a stage named `build-env` was called "build",
// and that an elision (`...`) got "add the  instruction".
import { describe, expect, it } from 'vitest';
import { starterCode } from '../../src/languages/starters.js';

const dockerfile = (...lines: string[]) => lines.join('\n');

describe('a multi-stage Dockerfile', () => {
  it('hints each instruction once, names each stage, and skips continued lines and here-documents', () => {
    const source = dockerfile(
      '# syntax=docker/dockerfile:1.7',
      'ARG NODE_VERSION=20',
      '',
      'FROM node:${NODE_VERSION}-alpine AS deps',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci',
      '',
      'FROM node:${NODE_VERSION}-alpine AS build-env',
      'WORKDIR /app',
      'COPY --from=deps /app/node_modules ./node_modules',
      'COPY . .',
      'RUN npm run build && \\',
      '    # drop the dev dependencies',
      '    npm prune --omit=dev',
      '',
      'FROM gcr.io/distroless/nodejs20  AS  runtime',
      'LABEL description="Shop API, built from node:20 as a service"',
      'RUN mkdir -p /data \\',
      '    && chown 1000 /data \\',
      '    && chmod 700 /data',
      'ENV NODE_ENV=production \\',
      '    PORT=8080',
      'COPY --from=build-env /app/dist ./dist',
      'RUN <<EOF',
      'mkdir -p /data',
      'chown 1000 /data',
      'EOF',
      'COPY <<-"CONF" /etc/shop.conf',
      '\tport = 8080',
      '\tCONF',
      '  USER 1000',
      'MAINTAINER ada@example.com',
      'EXPOSE 8080',
      'HEALTHCHECK CMD ["node", "dist/health.js"]',
      'CMD ["npm", "start"]',
      '...',
      '<the steps of your choice>',
    );
    expect(starterCode(source, 'dockerfile')).toBe(
      dockerfile(
        '# syntax=docker/dockerfile:1.7',
        '# TODO: declare the build argument',
        '',
        '# TODO: choose a base image for the “deps” stage',
        '# TODO: set the working directory',
        '# TODO: copy the files this step needs into the image',
        '# TODO: install the dependencies',
        '',
        '# TODO: choose a base image for the “build-env” stage',
        '# TODO: set the working directory',
        '# TODO: copy the files this step needs into the image',
        '# TODO: install the dependencies',
        '',
        '# TODO: choose a base image for the “runtime” stage',
        '# TODO: add the image labels',
        '# TODO: run the command this step needs',
        '# TODO: set the environment variable(s)',
        '# TODO: copy the files this step needs into the image',
        '# TODO: run the command this step needs',
        '# TODO: copy the files this step needs into the image',
        '  # TODO: switch to a non-root user',
        '# TODO: add the MAINTAINER instruction',
        "# TODO: expose the application's port",
        '# TODO: add a health check',
        '# TODO: set the command that starts the application',
        // The elision and the placeholder: one hint each, collapsed into one by starterCode.
        '# TODO: complete this line',
      ),
    );
  });
});
