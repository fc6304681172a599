/**
 * Ctrl-C for long-running commands: the first signal asks for a clean shutdown, a second one while
 * shutting down gets the default behaviour (immediate exit).
 */
import { constants } from 'node:os';

const handled = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface SignalWatch {
  /** Resolves with the first signal received. */
  readonly received: Promise<NodeJS.Signals>;
  /** The signal received so far, if any. */
  readonly signal: NodeJS.Signals | undefined;
  /** Stops listening; call once the shutdown is complete. */
  dispose(): Promise<void>;
}

/** Listens for SIGINT, SIGTERM and SIGHUP until disposed. */
export function watchSignals(): SignalWatch {
  let signal: NodeJS.Signals | undefined;
  let resolveReceived!: (signal: NodeJS.Signals) => void;
  const received = new Promise<NodeJS.Signals>((resolve) => (resolveReceived = resolve));
  const unlisten = () => {
    for (const name of handled) process.off(name, onSignal);
  };
  function onSignal(name: NodeJS.Signals): void {
    if (signal === undefined) {
      signal = name;
      resolveReceived(name);
      return;
    }
    unlisten();
    process.kill(process.pid, name);
  }
  for (const name of handled) process.on(name, onSignal);
  return {
    received,
    get signal() {
      return signal;
    },
    async dispose() {
      // Other handlers (the browser manager's) re-raise the signal when they find no one else
      // listening; let them see us until their own shutdown steps have run.
      await new Promise((resolve) => setImmediate(resolve));
      unlisten();
    },
  };
}

/** The conventional exit status of a process ended by `signal` (130 for SIGINT). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}
