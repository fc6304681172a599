#!/usr/bin/env node
// Lectern command-line entry point: a thin wrapper around the bundled CLI in dist/bundle/
// (scripts/bundle.mjs makes it from the compiled dist/cli/).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// A run is seconds long, and V8's optimising compiler, left to its default eagerness, spends a
// sixth of a one-lesson rebuild's CPU compiling functions the run is nearly done with. Asking for
// six times the usual warm-up keeps it for the code that is really hot (a long course build's).
// A cold `check` is all parsing in two threads that each compile the same code for themselves,
// on the two cores they keep busy: there, 2.5 times that was about a twentieth faster on the bench course
// (measured here, alternating runs, README › Performance).
const command = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
setFlagsFromString(`--interrupt-budget=${command === 'check' ? 1_000_000 : 400_000}`);

const entry = new URL('../dist/bundle/main.js', import.meta.url);

if (!existsSync(entry)) {
  console.error('lectern: not built yet — run "npm run setup" (or npm start) first.');
  process.exitCode = 3;
} else {
  const { main } = await import(entry.href);
  const code = await main(process.argv.slice(2));
  process.exitCode = typeof code === 'number' ? code : 0;
  // The command is done and has said everything: every command awaits what it writes and closes
  // (Chromium, the cache) before it returns. The process ends once its output is flushed, not when
  // Node has torn down whatever is left (a thread's exit, idle sockets; 25 ms of a one-lesson
  // rebuild), nor when a timer left behind inside a library runs out (puppeteer waits 30 s for a
  // page that a closed or timed-out Chromium will never open).
  const flushed = (stream) => new Promise((done) => (stream.writableLength === 0 ? done() : stream.write('', done)));
  await Promise.race([Promise.all([flushed(process.stdout), flushed(process.stderr)]), new Promise((done) => setTimeout(done, 1_000).unref())]);
  process.exit();
}
