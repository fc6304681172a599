/**
 * `lectern watch [PATH...]`: builds, then rebuilds what changed, keeping one Chromium between builds.
 * Runs until Ctrl-C (exit 130) or SIGTERM; the browser is closed either way.
 */
import { relative } from 'node:path';
import type { Progress } from '../../orchestrate/progress.js';
import { UsageError } from '../../errors.js';
import type { BuildResult, WatchSession } from '../../watch/session.js';
import type { CliIO } from '../io.js';
import type { CliOptions } from '../args.js';
import { buildSetup, printReport, type BuildSetup } from './build.js';
import type { Command, CommandContext } from './command.js';

export const watch: Command = {
  name: 'watch',
  usage: 'watch [PATH...]',
  summary: 'build, then rebuild what changes',
  async run(ctx) {
    return runWatching(ctx, {
      started: (setup) => {
        if (setup.options.quiet) return;
        ctx.io.stderr.write(`Watching ${setup.build.paths.join(', ')} for changes (Ctrl-C to stop)\n`);
      },
    });
  },
};

export interface WatchingHooks {
  /** After the first build, once watching (serve starts its server here). */
  started(setup: BuildSetup, session: WatchSession): void | Promise<void>;
  /** After every build, the first included. */
  built?(result: BuildResult): void;
  /** On shutdown, before the browser is closed. */
  stopping?(): void | Promise<void>;
}

/** The watch loop shared by `watch` and `serve`: resolves with the exit status once stopped by a signal. */
export async function runWatching(ctx: CommandContext, hooks: WatchingHooks): Promise<number> {
  const { io } = ctx;
  if (ctx.args.options.shard) throw new UsageError(`--shard is for build only`);
  const setup = await buildSetup(ctx);
  const { options } = setup;
  // Loaded lazily, like build: `--help` never loads the browser.
  const [{ WatchSession }, { Progress }, { watchSignals, signalExitCode }] = await Promise.all([
    import('../../watch/session.js'),
    import('../../orchestrate/progress.js'),
    import('../../watch/signals.js'),
  ]);
  const live = io.stderr.isTTY === true && !io.env.CI;
  let firstProgress: Progress | undefined;
  // Printing waits for the report module; a queue keeps the builds' output in order.
  let printing = Promise.resolve();
  const print = (task: () => Promise<void>) => {
    printing = printing.then(task).catch((error: unknown) => {
      io.stderr.write(`lectern: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  };
  const session = new WatchSession({
    build: setup.build,
    progress: (first) => {
      // Rebuilds print one line per rebuilt lesson instead of a progress count.
      const progress = new Progress({ stream: io.stderr, live, quiet: !first || options.quiet === true });
      if (first) firstProgress = progress;
      return progress;
    },
    onBuilt: (result) => {
      print(() => (result.first ? printFirst(result, options, io, firstProgress) : printRebuild(result, options, io)));
      hooks.built?.(result);
    },
    onFailed: (error, changed) => {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(`lectern: ${reason} (after changes to ${describe(changed, io.cwd)}; still watching)\n`);
    },
    onWatchError: (error, path) => {
      io.stderr.write(`lectern: stopped watching ${relative(io.cwd, path) || '.'}: ${error.message}\n`);
    },
  });

  const signals = watchSignals();
  let stopping: Promise<boolean> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await hooks.stopping?.();
      return session.stop();
    })());
  void signals.received.then(stop);
  try {
    try {
      await session.start();
    } catch (error) {
      // Ctrl-C during the first build stops it; that is not a failure.
      if (signals.signal) return signalExitCode(signals.signal);
      throw error;
    }
    await printing;
    if (!signals.signal) await hooks.started(setup, session);
    const signal = await signals.received;
    return signalExitCode(signal);
  } finally {
    const stuck = !(await stop());
    await printing;
    await signals.dispose();
    // Everything is closed, but a build caught mid-step would hold the process until its own
    // timeout: end it the way the signal would have (the browser manager does the same).
    if (stuck && signals.signal) process.kill(process.pid, signals.signal);
  }
}

async function printFirst(result: BuildResult, options: CliOptions, io: CliIO, progress: Progress | undefined): Promise<void> {
  await printReport(result.report, options, io, progress);
}

async function printRebuild(result: BuildResult, options: CliOptions, io: CliIO): Promise<void> {
  const { report, rebuilt, changed } = result;
  if (options.reporter === 'json') {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  for (const lesson of rebuilt) {
    const errors = lesson.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = lesson.diagnostics.filter((d) => d.severity === 'warning').length;
    const problems = [errors ? `${errors} error${errors > 1 ? 's' : ''}` : '', options.quiet || !warnings ? '' : `${warnings} warning${warnings > 1 ? 's' : ''}`].filter(Boolean).join(', ');
    if (!options.quiet || errors) io.stderr.write(`rebuilt ${lesson.id} in ${seconds(lesson.ms)}${problems ? `  ${problems}` : ''}\n`);
  }
  if (rebuilt.length === 0 && !options.quiet) io.stderr.write(`nothing to rebuild after changes to ${describe(changed, io.cwd)} (${seconds(result.ms)})\n`);
  const changedSources = new Set(changed.map((path) => relative(io.cwd, path)));
  await printReport({ ...report, lessons: rebuilt, unreadable: report.unreadable.filter((entry) => changedSources.has(entry.source)) }, options, io);
}

function describe(paths: string[], cwd: string): string {
  const shown = paths.slice(0, 3).map((path) => relative(cwd, path) || '.');
  return paths.length > 3 ? `${shown.join(', ')} and ${paths.length - 3} more` : shown.join(', ');
}
