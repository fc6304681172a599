// Promises of the README that no other test held (issue #20): each test here was checked against a
// hand-made break of its promise (see the table) and fails on it.
import { describe, it, expect } from 'vitest';
import { VFile } from 'vfile';
import { analyzeLesson } from '../src/pipeline.js';
import { renderDeck } from '../src/render/deck.js';
import { renderLab } from '../src/render/lab.js';
import { detectLanguage } from '../src/languages/index.js';
import { visibleText } from './helpers/html.js';
import { analyze, assets, contextFor, templates } from './helpers/render.js';

const lint = (markdown: string) =>
  analyzeLesson(new VFile({ path: 'lessons/module-1/1.1-test.md', value: markdown })).lesson.diagnostics;

describe('config-syntax reads every YAML document', () => {
  const lesson = (manifest: string) => `# Lesson 1.1: Manifests

## Learning Objectives
- Deploy a two-part manifest

## Configuration Examples

### Manifest
\`\`\`yaml
${manifest}
\`\`\`
`;
  const first = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  mode: fast'];

  it('reports a broken second document, at its line', () => {
    const broken = [...first, '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: [web', 'spec:', '  ports: []'].join('\n');
    const found = lint(lesson(broken)).filter((d) => d.rule === 'config-syntax');
    expect(found).toHaveLength(1);
    // The fence opens on line 9; the code's line 10 (`  name: [web`) is lesson line 19 or just after.
    expect(found[0]!.line).toBeGreaterThanOrEqual(19);
    expect(found[0]!.message).toContain('Invalid YAML');
  });

  it('accepts the same manifest when both documents parse (the twin)', () => {
    const valid = [...first, '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports: []'].join('\n');
    expect(lint(lesson(valid)).filter((d) => d.rule === 'config-syntax')).toEqual([]);
  });
});

describe('the student lab never shows solutions, whatever reaches the renderer', () => {
  // Extraction removes answer divs from prompts; the renderer must not rely on it. This model has
  // them in a prompt and a hint, as a future extraction bug would leave them.
  const lesson = analyze(`# Lesson 1.1: Volumes

## Learning Objectives
- Create a named volume

## Exercises

### Exercise 1: Keep the data
Create a volume and start Postgres with it.
`);
  lesson.exercises[0]!.prompt += '\n\n::: instructor\nTell the room that pgdata-secret-note is the trick.\n:::\n\n::: solution\ndocker volume create pgdata-secret-answer\n:::\n';
  lesson.exercises[0]!.hints.push('Look at `docker volume --help`.\n\n::: answer\nThe answer is pgdata-hint-answer.\n:::');

  it('drops instructor, solution and answer divs from the student sheet', () => {
    const student = visibleText(renderLab(contextFor(lesson), templates, { instructor: false, assets }).html);
    expect(student).toContain('Create a volume and start Postgres with it.');
    expect(student).toContain('docker volume --help');
    for (const secret of ['pgdata-secret-note', 'pgdata-secret-answer', 'pgdata-hint-answer']) expect(student).not.toContain(secret);
  });
});

describe('speaker-note timings add up to the lesson', () => {
  const lesson = analyze(`---
title: Volumes
teaching: 30
exercises: 20
---

## Learning Objectives
- Create a named volume for a database container
- Explain when a bind mount is the better choice

## Key Concepts

### Named volumes
- Docker manages where the data lives
- They survive the container

### Bind mounts
- A host folder mounted into the container
- Good for source code during development

## Exercises

### Exercise 1: Keep the data
Create a volume \`pgdata\` and start Postgres with it.

### Exercise 2: Mount the source
Mount the current folder into a Node container at /app.
`);
  const { markdown, slides } = renderDeck(contextFor(lesson), templates);
  const minutes = [...markdown.matchAll(/Timing ≈ ([\d.]+) (min|s)\b/g)].map((m) => (m[2] === 's' ? Number(m[1]) / 60 : Number(m[1])));

  it('gives every slide a timing, the teaching slides share the teaching minutes and the exercise slides the rest', () => {
    expect(minutes).toHaveLength(slides.length);
    const sum = (exercise: boolean) => minutes.filter((_, i) => (slides[i]!.kind === 'exercises') === exercise).reduce((a, b) => a + b, 0);
    const teachingSlides = slides.filter((s) => s.kind !== 'exercises').length;
    expect(teachingSlides).toBeGreaterThan(2);
    expect(teachingSlides).toBeLessThan(slides.length);
    // Each label is rounded to half a minute.
    expect(Math.abs(sum(false) - 30)).toBeLessThanOrEqual(0.25 * teachingSlides);
    expect(Math.abs(sum(true) - 20)).toBeLessThanOrEqual(0.25 * (slides.length - teachingSlides));
  });
});

describe('an ambiguous fence gets no language', () => {
  it('leaves a snippet with a Dockerfile directive and a shell option unlabelled', () => {
    expect(detectLanguage('# syntax=docker/dockerfile:1\nset -euo pipefail', null)).toBeNull();
  });

  it('labels the same signals when one of them clearly wins (the twin)', () => {
    expect(detectLanguage('# syntax=docker/dockerfile:1\nFROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci', null)).toBe('dockerfile');
    expect(detectLanguage('#!/usr/bin/env bash\nset -euo pipefail\nmkdir -p build\ncd build\necho done', null)).toBe('bash');
  });
});
