/**
 * `lectern serve [PATH...] [--port N]`: builds and watches like `watch`, and serves OUT on 127.0.0.1
 * with live reload: open pages reload when a rebuild finishes.
 */
import { resolve } from 'node:path';
import type { PreviewServer } from '../../serve/preview-server.js';
import type { Command } from './command.js';
import { runWatching } from './watch.js';

/** Port tried first; a taken one moves on to the next free port. */
export const defaultPort = 4300;

export const serve: Command = {
  name: 'serve',
  usage: 'serve [PATH...]',
  summary: 'preview the built output with live reload on 127.0.0.1',
  async run(ctx) {
    const { io } = ctx;
    let server: PreviewServer | undefined;
    return runWatching(ctx, {
      async started(setup) {
        const { PreviewServer } = await import('../../serve/preview-server.js');
        const port = setup.options.port ?? defaultPort;
        server = await PreviewServer.start({ root: resolve(io.cwd, setup.build.out), port });
        if (port !== 0 && server.port !== port) io.stderr.write(`Port ${port} is in use; using ${server.port} instead.\n`);
        io.stdout.write(`Serving ${setup.build.out} at ${server.url}\n`);
        if (!setup.options.quiet) io.stderr.write(`Watching ${setup.build.paths.join(', ')} for changes (Ctrl-C to stop)\n`);
      },
      built(result) {
        server?.reload({ lessons: result.rebuilt.map((lesson) => lesson.source) });
      },
      async stopping() {
        await server?.close();
      },
    });
  },
};
