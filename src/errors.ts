/**
 * Typed errors for programmer and environment faults. Problems in lesson content are vfile
 * messages, not exceptions. Each class carries the process exit status the CLI returns for it.
 */

export interface LecternErrorOptions {
  cause?: unknown;
}

/** Base class: a fault that stops a command, with the exit status it maps to. */
export class LecternError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: LecternErrorOptions = {}, exitCode = 1) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad command line or configuration (exit 2). */
export class UsageError extends LecternError {
  constructor(message: string, options: LecternErrorOptions = {}) {
    super(message, options, 2);
  }
}

/** The environment cannot do what was asked: no usable Chromium, unwritable output (exit 3). */
export class EnvironmentError extends LecternError {
  constructor(message: string, options: LecternErrorOptions = {}) {
    super(message, options, 3);
  }
}

/** An input file cannot be used: missing, empty, binary, too large (exit 1). */
export class InputError extends LecternError {
  constructor(message: string, options: LecternErrorOptions = {}) {
    super(message, options, 1);
  }
}
