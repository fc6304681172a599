/**
 * Test hook: `LECTERN_TEST_SLOW_PARSE=ms` keeps the thread busy that long before each file's analysis,
 * as parsing the largest lesson allowed does, and first says so on stderr
 * (`lectern test: parsing <path>`), so a test can send a signal mid-parse without timing luck. The
 * analysis pool's threads run it too, before each file they analyse (their stderr reaches the
 * process's through the main thread, which is free while they work).
 */
export function slowParseForTest(path: string): void {
  const ms = Number(process.env.LECTERN_TEST_SLOW_PARSE);
  if (!(ms > 0)) return;
  // Synchronous on a pipe (Linux): the line is out before the thread goes busy.
  process.stderr.write(`lectern test: parsing ${path}\n`);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Busy, like a parse: no turn of the event loop until it is done.
  }
}
