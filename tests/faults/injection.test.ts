// Held promise of issue 18: lesson text never becomes live HTML or script, in any HTML or SVG a build
// writes. Each output is opened in Chromium with JavaScript on, every event a handler attribute could
// listen to is fired on every element, and any alert() the lesson smuggled in would be caught.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { findChrome } from '../../src/browser/find-chrome.js';
import { ensureBuilt, lectern } from '../helpers/cli.js';

const hostile = `---
title: Front <img src=x onerror=alert(1)>
---

# Lesson 9.4: Injection <svg onload=alert(2)></svg>

## Learning Objectives

- Explain <img src=x onerror=alert(3)> and <b onmouseover=alert(4)>handlers</b>
- Describe <details open ontoggle=alert(5)><summary>x</summary></details> toggles

## Key Concepts

A link [click](javascript:alert(6)) and <a href="javascript:alert(7)">raw</a> and <iframe srcdoc="<script>alert(8)</script>"></iframe>.

<div onclick="alert(9)" style="animation: x 1s" onanimationstart="alert(10)">a div</div>

<script>alert(11)</script>

<form action="javascript:alert(12)"><button formaction="javascript:alert(13)">go</button></form>

\`\`\`mermaid
graph LR
  A["<img src=x onerror=alert(14)>"] --> B["<a href='javascript:alert(15)'>b</a>"]
  click A href "javascript:alert(16)"
  click B call alert(17)
\`\`\`

::: instructor
<img src=x onerror=alert(18)> for the instructor
:::

## Hands-on Exercises

### Exercise 1: Try <input autofocus onfocus=alert(19)>

1. Run <object data="javascript:alert(20)"></object>

::: solution
<img src=x onerror=alert(21)> the answer
:::
`;

/** Fires every event a handler attribute might listen to on every element; returns what ran. */
async function provoke(page: Page): Promise<{ scripts: string[]; urls: string[]; frames: number }> {
  return page.evaluate(() => {
    const types = ['click', 'dblclick', 'mousedown', 'mouseup', 'mouseover', 'mouseenter', 'mouseleave', 'mousemove', 'pointerover', 'pointerdown', 'focus', 'blur', 'focusin', 'input', 'change', 'submit', 'keydown', 'keyup', 'load', 'error', 'toggle', 'animationstart', 'animationend', 'transitionend', 'scroll', 'wheel', 'copy', 'paste', 'beforeprint', 'afterprint'];
    const all = [document.documentElement, ...document.querySelectorAll('*')];
    for (const element of all) for (const type of types) element.dispatchEvent(new Event(type, { bubbles: false, cancelable: true }));
    for (const type of types) window.dispatchEvent(new Event(type));
    const urls = all.flatMap((element) =>
      ['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].map((name) => element.getAttribute(name) ?? '').filter((value) => /^\s*(?:javascript|vbscript|data:text\/html)/i.test(value)),
    );
    const scripts = [...document.querySelectorAll('script')].map((script) => script.textContent ?? '').filter((text) => /alert/.test(text));
    return { scripts, urls, frames: document.querySelectorAll('iframe, object, embed, frame').length };
  });
}

let dir: string;
let browser: Browser;
const dialogs: string[] = [];

async function open(url: string | null, html?: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  if (url) await page.goto(url, { waitUntil: 'load' });
  else await page.setContent(html!, { waitUntil: 'load' });
  return page;
}

beforeAll(async () => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'lectern-injection-'));
  mkdirSync(join(dir, 'course', 'module-9'), { recursive: true });
  writeFileSync(join(dir, 'course', 'module-9', '9.4-injection.md'), hostile);
  const run = lectern(['build', 'course', '--out', 'out', '--formats', 'deck,handout,lab', '--to', 'md,html'], dir);
  expect(run.stderr).not.toContain('bug in Lectern');
  browser = await launch({ executablePath: findChrome() ?? undefined, headless: true, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hostile lesson text in every output', () => {
  it('the harness catches a live handler (the twin)', async () => {
    dialogs.length = 0;
    const page = await open(null, '<img src=x onerror="alert(\'live-1\')"><b onmouseover="alert(\'live-2\')">b</b><a href="javascript:alert(3)">a</a>');
    const found = await provoke(page);
    await page.close();
    expect([...new Set(dialogs)].sort()).toEqual(['live-1', 'live-2']);
    expect(found.urls).toEqual(['javascript:alert(3)']);
  });

  it('no HTML or SVG file runs lesson script, whatever event fires', async () => {
    const out = join(dir, 'out');
    const files = readdirSync(out, { recursive: true })
      .map(String)
      .filter((file) => /\.(html|svg)$/.test(file) && !file.startsWith('.cache'));
    // The lesson's pages, its diagram, and the index.
    expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThanOrEqual(5);
    expect(files.some((file) => file.endsWith('.svg'))).toBe(true);
    // Not vacuous: the hostile text is there, as text.
    const handout = readFileSync(join(out, 'module-9', '9.4-injection', 'handout.html'), 'utf8');
    expect(handout).toContain('onerror=alert(3)');
    expect(readFileSync(join(out, 'module-9', '9.4-injection', 'lab-instructor.html'), 'utf8')).toContain('alert(18)');
    for (const file of files) {
      dialogs.length = 0;
      const page = await open(pathToFileURL(join(out, file)).href);
      const found = await provoke(page);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await page.close();
      expect({ file, dialogs, ...found }).toEqual({ file, dialogs: [], scripts: [], urls: [], frames: 0 });
    }
  }, 120_000);
});
