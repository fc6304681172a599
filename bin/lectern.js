#!/usr/bin/env node
// Lectern command-line entry point: a thin wrapper around the bundled CLI in dist/bundle/
// (scripts/bundle.mjs makes it from the compiled dist/cli/).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bundle/main.js', import.meta.url);

if (!existsSync(entry)) {
  console.error('lectern: not built yet — run "npm run setup" (or npm start) first.');
  process.exitCode = 3;
} else {
  const { main } = await import(entry.href);
  const code = await main(process.argv.slice(2));
  process.exitCode = typeof code === 'number' ? code : 0;
}
