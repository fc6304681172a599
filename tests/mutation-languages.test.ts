// What each language pack makes of its typical snippet, written out whole: the student starter
// (`starterCode`), the file name a lab gives it (`inferFileName`), the command that checks it, and
// what a few near misses of it are detected as. tests/languages/packs.test.ts checks the shape of
// these (a TODO in the comment syntax, some file name); this file pins the very text, so that a
// change to a starter rule or a score (a mutant, README › Mutation testing) shows.
import { describe, expect, it } from 'vitest';
import { detectLanguage, inferFileName } from '../src/languages/index.js';
import { languagePacks } from '../src/languages/registry.js';
import { languageOf } from '../src/languages/tables.js';
import { checkFor, fileKind } from '../src/languages/file-kinds.js';
import { starterCode } from '../src/languages/starters.js';
import { SNIPPETS } from './languages/pack-snippets.js';

const languages = Object.keys(SNIPPETS).map((kind) => {
  const pack = languagePacks().find((candidate) => candidate.kind === kind);
  return [kind, pack ? languageOf(pack) : kind] as const;
});

describe('starters in languages with block comments only', () => {
  // Found by writing the starters out (below): CSS's TODO lines began with `//`, which CSS reads as
  // the start of a broken rule, and HTML's and XML's with `#`, which they show as text.
  it.each([
    ['css', /^\s*\/\* TODO: .+ \*\/$/],
    ['html', /^\s*<!-- TODO: .+ -->$/],
    ['xml', /^\s*<!-- TODO: .+ -->$/],
  ])('%s: every TODO line is a comment of the language', (language, comment) => {
    const todos = starterCode(SNIPPETS[language]!, language).split('\n').filter((line) => line.includes('TODO'));
    expect(todos.length).toBeGreaterThan(0);
    for (const line of todos) expect(line).toMatch(comment);
  });
});

describe('each pack on its own snippet, written out', () => {
  it('starters', () => {
    const starters = Object.fromEntries(languages.map(([kind, language]) => [kind, starterCode(SNIPPETS[kind]!, language)]));
    expect(starters).toMatchInlineSnapshot(`
      {
        "bash": "#!/bin/bash
      # TODO: complete this line
        # TODO: complete this line
      # TODO: complete this line",
        "c": "// TODO: complete this line

      // TODO: complete this line
        // TODO: complete this line
      // TODO: complete this line",
        "compose": "services:
        web:
          # TODO: choose the image
          # TODO: publish the ports
        db:
          # TODO: choose the image
      volumes:
        # TODO: declare the volume data",
        "cpp": "// TODO: complete this line

      // TODO: complete this line
        // TODO: complete this line
      // TODO: complete this line",
        "css": "/* TODO: complete this line */
        /* TODO: complete this line */
      /* TODO: complete this line */
        /* TODO: complete this line */
      /* TODO: complete this line */",
        "dockerfile": "# TODO: choose a base image
      # TODO: set the working directory
      # TODO: copy the files this step needs into the image
      # TODO: install the dependencies
      # TODO: copy the files this step needs into the image
      # TODO: expose the application's port
      # TODO: set the command that starts the application",
        "go": "// TODO: complete this line

      // TODO: complete this line

      // TODO: complete this line
      	// TODO: complete this line
      // TODO: complete this line",
        "hcl": "resource "aws_s3_bucket" "site" {
        # TODO: set bucket
      }
      variable "region" {
        # TODO: set default
      }",
        "html": "<!-- TODO: complete this line -->",
        "ini": "[database]
      # TODO: set host
      # TODO: set user

      [server]
      # TODO: set listen",
        "java": "// TODO: complete this line
        // TODO: complete this line
          // TODO: complete this line
        // TODO: complete this line
      // TODO: complete this line",
        "javascript": "const express = require('express');
      // TODO: define app",
        "json": "{
        "name": "TODO",
        "version": "TODO",
        "private": "TODO"
      }",
        "kubernetes": "# TODO: set the API version
      # TODO: set the object kind
      metadata:
        # TODO: set the name
      spec:
        # TODO: set the number of replicas
        selector:
          # TODO: set the labels to match",
        "nginx": "server {
        # TODO: set the port to listen on
        # TODO: set the server name
        location / {
          # TODO: forward requests to the upstream
        }
      }",
        "openapi": "# TODO: set the OpenAPI version
      info:
        # TODO: set the title
        # TODO: set the version
      paths:
        /orders:
          # TODO: describe the GET operation",
        "playbook": "# TODO: add the list items",
        "powershell": "# TODO: complete this line",
        "python": "import os

      def greet(name):
          # TODO: implement greet
          ...

      # TODO: run the application when the module is executed",
        "ruby": "# TODO: complete this line

      # TODO: complete this line
        # TODO: complete this line
      # TODO: complete this line",
        "rust": "// TODO: complete this line
          // TODO: complete this line
      // TODO: complete this line",
        "sql": "CREATE TABLE orders (
        -- TODO: column id: choose its type and constraints
        -- TODO: column total: choose its type and constraints
      );
      -- TODO: write the query",
        "toml": "[project]
      # TODO: set name
      # TODO: set version
      # TODO: set dependencies",
        "typescript": "interface Order {
        id: string;
        total: number;
      }
      export function total(orders: Order[]): number {
        // TODO: implement total
      }",
        "workflow": "# TODO: set the name
      # TODO: choose the triggers
      jobs:
        test:
          # TODO: choose the runner
          # TODO: list the steps",
        "xml": "<!-- TODO: complete this line -->
        <!-- TODO: complete this line -->
      <!-- TODO: complete this line -->",
        "yaml": "app:
        # TODO: set the name
        # TODO: set debug
      database:
        # TODO: set host
        # TODO: set port",
      }
    `);
  });

  it('file names and checks', () => {
    const names = Object.fromEntries(
      languages.map(([kind, language]) => {
        const snippet = SNIPPETS[kind]!;
        const fileName = inferFileName(snippet, language);
        const check = fileName ? checkFor(fileKind(fileName, language, snippet), fileName, snippet)?.command ?? null : null;
        return [kind, `${fileName} ${check}`];
      }),
    );
    expect(names).toMatchInlineSnapshot(`
      {
        "bash": "script.sh null",
        "c": "main.c null",
        "compose": "docker-compose.yml docker compose config",
        "cpp": "main.cpp null",
        "css": "styles.css null",
        "dockerfile": "Dockerfile docker build -t lab .",
        "go": "main.go null",
        "hcl": "main.tf terraform init -backend=false && terraform validate",
        "html": "index.html null",
        "ini": "config.ini null",
        "java": "Main.java null",
        "javascript": "index.js node --check index.js",
        "json": "config.json python3 -m json.tool config.json",
        "kubernetes": "deployment.yaml kubectl apply --dry-run=client -f deployment.yaml",
        "nginx": "nginx.conf docker run --rm -v "$PWD/nginx.conf:/etc/nginx/conf.d/default.conf:ro" nginx:stable nginx -t",
        "openapi": "config.yaml npx @redocly/cli lint config.yaml",
        "playbook": "playbook.yml ansible-playbook --syntax-check playbook.yml",
        "powershell": "script.ps1 null",
        "python": "app.py python3 -m py_compile app.py",
        "ruby": "app.rb null",
        "rust": "main.rs null",
        "sql": "schema.sql psql -v ON_ERROR_STOP=1 -f schema.sql",
        "toml": "pyproject.toml python3 -c "import tomllib; tomllib.load(open('pyproject.toml', 'rb'))"",
        "typescript": "index.ts npx tsc --noEmit index.ts",
        "workflow": "workflow.yml actionlint workflow.yml",
        "xml": "pom.xml null",
        "yaml": "config.yaml yamllint config.yaml",
      }
    `);
  });

  it('near misses: the first line alone, the snippet without its first line, and its first three lines', () => {
    const detected = Object.fromEntries(
      languages.map(([kind]) => {
        const lines = SNIPPETS[kind]!.split('\n');
        return [kind, [lines[0]!, lines.slice(1).join('\n'), lines.slice(0, 3).join('\n')].map((code) => detectLanguage(code, null)).join(' ')];
      }),
    );
    expect(detected).toMatchInlineSnapshot(`
      {
        "bash": "bash bash bash",
        "c": "c c c",
        "compose": " yaml yaml",
        "cpp": "cpp cpp cpp",
        "css": " css css",
        "dockerfile": " dockerfile dockerfile",
        "go": "go go go",
        "hcl": "hcl hcl hcl",
        "html": "html html html",
        "ini": " ini ini",
        "java": "java java java",
        "javascript": "javascript javascript javascript",
        "json": "  ",
        "kubernetes": " yaml yaml",
        "nginx": "nginx nginx nginx",
        "openapi": " yaml yaml",
        "playbook": " yaml yaml",
        "powershell": "powershell powershell powershell",
        "python": "python python python",
        "ruby": "ruby ruby ruby",
        "rust": "rust rust rust",
        "sql": "sql sql sql",
        "toml": "  toml",
        "typescript": "typescript typescript typescript",
        "workflow": " yaml yaml",
        "xml": "xml xml xml",
        "yaml": " yaml yaml",
      }
    `);
  });
});
