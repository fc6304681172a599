import { describe, it, expect } from 'vitest';
import { detectLanguage, inferFileName, languagesAgree, normalizeLanguage } from '../src/languages/index.js';

const code = (lines: string[]): string => lines.join('\n');

/** The seed lesson's Dockerfile, fenced there as ```yaml. */
const seedDockerfile = code([
  '# Base image',
  'FROM python:3.9-slim',
  '',
  '# Set working directory',
  'WORKDIR /app',
  '',
  '# Copy requirements',
  'COPY requirements.txt .',
  '',
  '# Install dependencies',
  'RUN pip install --no-cache-dir -r requirements.txt',
  '',
  '# Copy application code',
  'COPY . .',
  '',
  '# Set environment variables',
  'ENV PYTHONUNBUFFERED=1',
  'ENV PORT=8000',
  '',
  '# Expose port',
  'EXPOSE 8000',
  '',
  '# Run application',
  'CMD ["python", "app.py"]',
]);

const S = {
  dockerfile: {
    seed: seedDockerfile,
    node: code([
      '# syntax=docker/dockerfile:1',
      'FROM node:20-alpine AS build',
      'WORKDIR /usr/src/app',
      'COPY package*.json ./',
      'RUN npm ci \\',
      '    && npm cache clean --force',
      'COPY . .',
      'RUN npm run build',
      '',
      'FROM nginx:1.25',
      'COPY --from=build /usr/src/app/dist /usr/share/nginx/html',
      'EXPOSE 80',
    ]),
    ubuntu: code([
      'FROM ubuntu:22.04',
      'ARG DEBIAN_FRONTEND=noninteractive',
      'RUN apt-get update && apt-get install -y \\',
      '    curl \\',
      '    git \\',
      ' && rm -rf /var/lib/apt/lists/*',
      'USER app',
      'ENTRYPOINT ["/entrypoint.sh"]',
    ]),
  },
  compose: {
    web: code([
      "version: '3.8'",
      'services:',
      '  web:',
      '    build: .',
      '    ports:',
      '      - "8000:8000"',
      '    environment:',
      '      - DATABASE_URL=postgres://postgres:secret@db:5432/app',
      '    depends_on:',
      '      - db',
      '  db:',
      '    image: postgres:16',
      '    volumes:',
      '      - db-data:/var/lib/postgresql/data',
      'volumes:',
      '  db-data:',
    ]),
    redis: code(['services:', '  cache:', '    image: redis:7', '    restart: always', '    ports:', '      - "6379:6379"']),
  },
  k8s: {
    deployment: code([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  labels:',
      '    app: web',
      'spec:',
      '  replicas: 3',
      '  selector:',
      '    matchLabels:',
      '      app: web',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: web',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx:1.25',
      '          ports:',
      '            - containerPort: 80',
    ]),
    service: code([
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web',
      'spec:',
      '  type: ClusterIP',
      '  selector:',
      '    app: web',
      '  ports:',
      '    - port: 80',
      '      targetPort: 8080',
    ]),
  },
  yaml: {
    config: code(['# app settings', 'name: lectern', 'debug: false', 'database:', '  host: localhost', '  port: 5432', 'features:', '  - slides', '  - handouts']),
    actions: code([
      'name: CI',
      'on: [push, pull_request]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: Install',
      '        run: |',
      '          npm ci',
      '          npm test',
    ]),
    ansible: code(['- hosts: webservers', '  become: true', '  tasks:', '    - name: Install nginx', '      apt:', '        name: nginx', '        state: present']),
  },
  json: {
    object: code(['{', '  "name": "lectern",', '  "version": "0.1.0",', '  "scripts": {', '    "test": "vitest run"', '  },', '  "dependencies": {', '    "yaml": "^2.9.1"', '  }', '}']),
    array: code(['[', '  { "id": 1, "title": "Intro" },', '  { "id": 2, "title": "Docker" }', ']']),
    tsconfig: code(['{', '  "compilerOptions": {', '    "target": "ES2022",', '    "strict": true', '  }', '}']),
  },
  bash: {
    prompts: code(['$ docker build -t myapp .', '$ docker run -d -p 8000:8000 myapp', '$ docker ps']),
    script: code([
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'for f in *.md; do',
      '  echo "Processing $f"',
      'done',
      'if [ -z "$HOME" ]; then',
      '  exit 1',
      'fi',
    ]),
    commands: code([
      'sudo apt-get update',
      'sudo apt-get install -y docker.io',
      'export KUBECONFIG=$HOME/.kube/config',
      'kubectl get pods -n default | grep web',
      'curl -s http://localhost:8000/health',
    ]),
    heredoc: code([
      'cat <<EOF > deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: 2',
      'EOF',
      'kubectl apply -f deployment.yaml',
    ]),
  },
  python: {
    flask: code([
      'from flask import Flask, jsonify',
      'import os',
      '',
      'app = Flask(__name__)',
      '',
      '@app.route("/health")',
      'def health():',
      '    return jsonify(status="ok")',
      '',
      'if __name__ == "__main__":',
      '    app.run(port=int(os.environ.get("PORT", 8000)))',
    ]),
    classy: code([
      'import json',
      '',
      'class Lesson:',
      '    def __init__(self, title):',
      '        self.title = title',
      '',
      '    def to_json(self):',
      '        return json.dumps({"title": self.title})',
    ]),
    script: code(['import pandas as pd', 'df = pd.read_csv("data.csv")', 'for col in df.columns:', '    print(col, df[col].dtype)']),
  },
  sql: {
    select: code(['SELECT name, email', 'FROM users', 'WHERE active = true', 'ORDER BY name;']),
    oneLine: 'SELECT * FROM t',
    schema: code([
      'CREATE TABLE users (',
      '  id SERIAL PRIMARY KEY,',
      '  email VARCHAR(255) NOT NULL UNIQUE,',
      '  created_at TIMESTAMP DEFAULT now()',
      ');',
      '',
      "INSERT INTO users (email) VALUES ('a@example.com');",
    ]),
    lower: code(['update accounts set balance = balance - 100 where id = 1;', 'delete from sessions where expires_at < now();', 'alter table accounts add column note text;']),
  },
  javascript: {
    express: code([
      "const express = require('express');",
      'const app = express();',
      '',
      "app.get('/', (req, res) => {",
      "  res.send('Hello');",
      '});',
      '',
      'app.listen(3000, () => console.log("listening"));',
    ]),
    esm: code(["import fs from 'node:fs';", '', 'export function readLesson(path) {', "  return fs.readFileSync(path, 'utf8');", '}']),
    browser: code(["const button = document.querySelector('#go');", "button.addEventListener('click', () => {", "  console.log('clicked');", '});']),
  },
  typescript: {
    iface: code(['interface Lesson {', '  title: string;', '  order: number;', '}', '', 'export function titleOf(lesson: Lesson): string {', '  return lesson.title;', '}']),
    alias: code(["import type { Example } from './model.js';", '', "type Language = 'yaml' | 'json';", 'const langs: Language[] = [];', 'export const count = (xs: Example[]): number => xs.length;']),
    cls: code(['export class Cache<T> {', '  private readonly items = new Map<string, T>();', '  get(key: string): T | undefined {', '    return this.items.get(key);', '  }', '}']),
  },
  hcl: {
    aws: code([
      'provider "aws" {',
      '  region = "eu-west-1"',
      '}',
      '',
      'resource "aws_instance" "web" {',
      '  ami           = "ami-0c55b159cbfafe1f0"',
      '  instance_type = var.instance_type',
      '}',
    ]),
    terraformBlock: code(['terraform {', '  required_providers {', '    aws = {', '      source  = "hashicorp/aws"', '      version = "~> 5.0"', '    }', '  }', '}']),
    variables: code(['variable "instance_type" {', '  type    = string', '  default = "t3.micro"', '}', '', 'variable "region" {', '  type = string', '}']),
  },
  ini: {
    config: code(['[database]', 'host=localhost', 'port=5432', 'user=admin', '', '[server]', 'debug=true']),
    flake8: code(['[flake8]', 'max-line-length = 100', 'exclude = .git,__pycache__,build']),
    semicolons: code(['; php.ini excerpt', '[PHP]', 'memory_limit = 256M', 'display_errors = Off']),
  },
  toml: {
    pyproject: code([
      '[tool.poetry]',
      'name = "lectern"',
      'version = "0.1.0"',
      '',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'requests = "^2.31"',
    ]),
    cargo: code(['[package]', 'name = "hello"', 'version = "0.1.0"', 'edition = "2021"', '', '[dependencies]', 'serde = { version = "1", features = ["derive"] }']),
    arrays: code(['[project]', 'name = "demo"', 'dependencies = [', '  "requests>=2",', '  "rich",', ']', '', '[[tool.mypy.overrides]]', 'module = "tests.*"']),
  },
  nginx: {
    server: code([
      'server {',
      '    listen 80;',
      '    server_name example.com;',
      '    location / {',
      '        proxy_pass http://app:8000;',
      '        proxy_set_header Host $host;',
      '    }',
      '}',
    ]),
  },
  html: {
    page: code(['<!DOCTYPE html>', '<html lang="en">', '<head>', '  <title>Demo</title>', '</head>', '<body>', '  <p>Hello</p>', '</body>', '</html>']),
  },
  go: {
    hello: code(['package main', '', 'import "fmt"', '', 'func main() {', '    msg := "hello"', '    fmt.Println(msg)', '}']),
  },
  java: {
    hello: code(['public class Hello {', '    public static void main(String[] args) {', '        System.out.println("Hello");', '    }', '}']),
  },
  rust: {
    hello: code(['use std::collections::HashMap;', '', 'fn main() {', '    let mut counts = HashMap::new();', '    counts.insert("a", 1);', '    println!("{:?}", counts);', '}']),
  },
  c: {
    hello: code(['#include <stdio.h>', '', 'int main(void) {', '    printf("hello\\n");', '    return 0;', '}']),
  },
};

describe('normalizeLanguage', () => {
  it.each([
    ['yaml', 'yaml'],
    ['yml', 'yaml'],
    ['YAML', 'yaml'],
    ['sh', 'bash'],
    ['shell', 'bash'],
    ['zsh', 'bash'],
    ['bash', 'bash'],
    ['console', 'console'],
    ['shell-session', 'console'],
    ['Dockerfile', 'dockerfile'],
    ['docker', 'dockerfile'],
    ['js', 'javascript'],
    ['node', 'javascript'],
    ['mjs', 'javascript'],
    ['ts', 'typescript'],
    ['py', 'python'],
    ['python3', 'python'],
    ['tf', 'hcl'],
    ['terraform', 'hcl'],
    ['postgresql', 'sql'],
    ['mysql', 'sql'],
    ['psql', 'sql'],
    ['jsonc', 'json'],
    ['json5', 'json'],
    ['toml', 'toml'],
    ['ini', 'ini'],
    ['cfg', 'ini'],
    ['conf', 'ini'],
    ['properties', 'ini'],
    ['md', 'markdown'],
    ['text', 'text'],
    ['txt', 'text'],
    ['plaintext', 'text'],
    ['plain', 'text'],
    ['html', 'html'],
    ['xml', 'xml'],
    ['css', 'css'],
    ['go', 'go'],
    ['rs', 'rust'],
    ['rust', 'rust'],
    ['java', 'java'],
    ['c', 'c'],
    ['c++', 'cpp'],
    ['cpp', 'cpp'],
    ['rb', 'ruby'],
    ['ps1', 'powershell'],
    ['powershell', 'powershell'],
    ['nginx', 'nginx'],
  ])('%s → %s', (info, expected) => {
    expect(normalizeLanguage(info)).toBe(expected);
  });

  it.each([
    ['yaml title="docker-compose.yml"', 'yaml'],
    ['{r}', 'r'],
    ['{r, echo=FALSE}', 'r'],
    ['{.python}', 'python'],
    ['python {.line-numbers}', 'python'],
    ['python{1,3}', 'python'],
    ['js:app.js', 'javascript'],
    ['  Bash  ', 'bash'],
    ['language-bash', 'bash'],
    ['language-yml', 'yaml'],
    ['output', 'output'],
    ['error', 'error'],
    ['source', 'source'],
    ['kotlin', 'kotlin'],
    // Object.prototype's names are labels like any other, not table entries.
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ])('%j → %s', (info, expected) => {
    expect(normalizeLanguage(info)).toBe(expected);
  });

  it.each([[''], ['   '], [null], [undefined], ['{}'], ['{.}']])('%j → null', (info) => {
    expect(normalizeLanguage(info)).toBeNull();
  });

  it('is idempotent', () => {
    for (const info of ['yml', 'sh', 'Dockerfile', 'tf', 'language-bash', 'c++', 'console']) {
      const once = normalizeLanguage(info);
      expect(normalizeLanguage(once)).toBe(once);
    }
  });
});

describe('detectLanguage: unlabelled fences', () => {
  const cases: Array<[string, string, string]> = [
    ['seed Dockerfile', S.dockerfile.seed, 'dockerfile'],
    ['multi-stage Dockerfile', S.dockerfile.node, 'dockerfile'],
    ['Dockerfile with continuations', S.dockerfile.ubuntu, 'dockerfile'],
    ['docker-compose', S.compose.web, 'yaml'],
    ['small compose file', S.compose.redis, 'yaml'],
    ['k8s Deployment', S.k8s.deployment, 'yaml'],
    ['k8s Service', S.k8s.service, 'yaml'],
    ['plain YAML config', S.yaml.config, 'yaml'],
    ['GitHub Actions workflow', S.yaml.actions, 'yaml'],
    ['Ansible playbook', S.yaml.ansible, 'yaml'],
    ['JSON object', S.json.object, 'json'],
    ['JSON array', S.json.array, 'json'],
    ['tsconfig', S.json.tsconfig, 'json'],
    ['bash with $ prompts', S.bash.prompts, 'bash'],
    ['bash script', S.bash.script, 'bash'],
    ['shell commands', S.bash.commands, 'bash'],
    ['bash with a YAML heredoc', S.bash.heredoc, 'bash'],
    ['Flask app', S.python.flask, 'python'],
    ['Python class', S.python.classy, 'python'],
    ['pandas script', S.python.script, 'python'],
    ['SQL with FROM on its own line', S.sql.select, 'sql'],
    ['one-line SELECT … FROM', S.sql.oneLine, 'sql'],
    ['SQL schema', S.sql.schema, 'sql'],
    ['lower-case SQL', S.sql.lower, 'sql'],
    ['Express app', S.javascript.express, 'javascript'],
    ['ES module', S.javascript.esm, 'javascript'],
    ['browser JS', S.javascript.browser, 'javascript'],
    ['TS interface', S.typescript.iface, 'typescript'],
    ['TS type alias', S.typescript.alias, 'typescript'],
    ['TS generic class', S.typescript.cls, 'typescript'],
    ['Terraform resources', S.hcl.aws, 'hcl'],
    ['terraform block', S.hcl.terraformBlock, 'hcl'],
    ['Terraform variables', S.hcl.variables, 'hcl'],
    ['INI', S.ini.config, 'ini'],
    ['setup.cfg-style INI', S.ini.flake8, 'ini'],
    ['INI with ; comments', S.ini.semicolons, 'ini'],
    ['pyproject TOML', S.toml.pyproject, 'toml'],
    ['Cargo TOML', S.toml.cargo, 'toml'],
    ['TOML with arrays and array tables', S.toml.arrays, 'toml'],
    ['nginx server block', S.nginx.server, 'nginx'],
    ['HTML page', S.html.page, 'html'],
    ['Go', S.go.hello, 'go'],
    ['Java', S.java.hello, 'java'],
    ['Python running SQL', 'cursor.execute("SELECT * FROM users WHERE id = %s", (1,))\nrows = cursor.fetchall()\nfor row in rows:\n    print(row)', 'python'],
    ['OpenAPI YAML with `type: string`', code(['openapi: 3.0.0', 'components:', '  schemas:', '    User:', '      type: object', '      properties:', '        name:', '          type: string', '        email:', '          type: string', '        nickname:', '          type: string']), 'yaml'],
    ['multi-document k8s YAML', code(['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: x', '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: y']), 'yaml'],
    ['CSS', code(['body {', '  margin: 0;', '  font-family: sans-serif;', '}', '.title {', '  color: red;', '}']), 'css'],
    ['Rust', S.rust.hello, 'rust'],
    ['C', S.c.hello, 'c'],
  ];

  it.each(cases)('%s → %s', (_name, snippet, expected) => {
    expect(detectLanguage(snippet, null)).toBe(expected);
  });

  it.each([
    ['plain prose', 'Hello, world. This is just a sentence.'],
    ['a lone FROM line', 'FROM python:3.9'],
    ['a number', '42'],
  ])('%s → null', (_name, snippet) => {
    expect(detectLanguage(snippet, null)).toBeNull();
  });
});

describe('detectLanguage: labelled fences', () => {
  it('corrects the seed Dockerfile fenced as yaml', () => {
    expect(detectLanguage(seedDockerfile, 'yaml')).toBe('dockerfile');
    expect(detectLanguage(seedDockerfile, 'yml')).toBe('dockerfile');
  });

  it.each([
    ['compose fenced as yaml', S.compose.web, 'yaml', 'yaml'],
    ['k8s fenced as yaml', S.k8s.deployment, 'yaml', 'yaml'],
    ['generic YAML fenced as yml', S.yaml.config, 'yml', 'yaml'],
    ['Dockerfile fenced as dockerfile', S.dockerfile.node, 'Dockerfile', 'dockerfile'],
    ['SQL fenced as sql', S.sql.select, 'sql', 'sql'],
    ['SQL fenced as postgresql', S.sql.schema, 'postgresql', 'sql'],
    ['JS fenced as typescript (TS covers JS)', S.javascript.esm, 'ts', 'typescript'],
    ['JSON fenced as javascript', S.json.object, 'js', 'javascript'],
    ['bash fenced as sh', S.bash.commands, 'sh', 'bash'],
    ['Carpentries language-bash', S.bash.prompts, 'language-bash', 'bash'],
    ['Python fenced as python3', S.python.flask, 'python3', 'python'],
    ['HCL fenced as terraform', S.hcl.aws, 'terraform', 'hcl'],
  ])('%s keeps the label', (_name, snippet, declared, expected) => {
    expect(detectLanguage(snippet, declared)).toBe(expected);
  });

  it.each([
    ['Dockerfile fenced as bash', S.dockerfile.ubuntu, 'bash', 'dockerfile'],
    ['Python fenced as bash', S.python.flask, 'bash', 'python'],
    ['TS fenced as javascript', S.typescript.iface, 'javascript', 'typescript'],
    ['k8s manifest fenced as bash', S.k8s.deployment, 'bash', 'yaml'],
    ['nginx config fenced as conf', S.nginx.server, 'conf', 'nginx'],
    ['SQL fenced as python', S.sql.schema, 'python', 'sql'],
    ['JSON fenced as yaml', S.json.object, 'yaml', 'json'],
    ['Carpentries source fence', S.python.classy, 'source', 'python'],
    ['git commands fenced as yaml', 'git add .\ngit commit -m "msg"\ngit push origin main', 'yaml', 'bash'],
    ['Dockerfile fenced as sql', 'FROM alpine:3.19\nRUN apk add --no-cache curl', 'sql', 'dockerfile'],
  ])('%s → %s (clearly another language)', (_name, snippet, declared, expected) => {
    expect(detectLanguage(snippet, declared)).toBe(expected);
  });

  it.each([
    ['terminal output fenced as console', S.bash.prompts, 'console'],
    ['Python traceback as output', 'Traceback (most recent call last):\n  File "app.py", line 3\nNameError: name \'x\' is not defined', 'output'],
    ['Dockerfile fenced as text', seedDockerfile, 'text'],
    ['SQL result fenced as output', S.sql.select, 'output'],
    ['error output', 'bash: kubectl: command not found', 'error'],
  ])('%s keeps %s (never second-guessed)', (_name, snippet, declared) => {
    expect(detectLanguage(snippet, declared)).toBe(declared);
  });

  it.each([
    ['kubectl output fenced as bash', 'NAME                   READY   STATUS    RESTARTS   AGE\nweb-5d8f7c9b6d-abcde   1/1     Running   0          2m', 'bash', 'bash'],
    ['a short yaml key fenced as yaml', 'replicas: 3', 'yaml', 'yaml'],
    ['a JS object literal fenced as yaml', "const user = {\n  name: 'Ann',\n  age: 30,\n};", 'yaml', 'yaml'],
    ['one install command fenced as python', 'pip install flask', 'python', 'python'],
    ['env file fenced as yaml', 'DB_HOST=localhost\nDB_PORT=5432\nDB_USER=admin', 'yaml', 'yaml'],
    ['ambiguous [section] fenced as toml', '[server]\nport = 8080', 'toml', 'toml'],
    ['ambiguous [section] fenced as ini', '[server]\nport = 8080', 'ini', 'ini'],
    ['R code fenced as r', 'library(dplyr)\ndf <- read.csv("data.csv")\nprint(head(df))', 'r', 'r'],
    ['a lone FROM fenced as dockerfile', 'FROM nginx:alpine', 'dockerfile', 'dockerfile'],
    ['broken JSON fenced as json', '{\n  "name": "x",\n  "tags": ["a", "b",]\n}', 'json', 'json'],
  ])('%s stays %s (ambiguous)', (_name, snippet, declared, expected) => {
    expect(detectLanguage(snippet, declared)).toBe(expected);
  });

  it('returns the declared language (normalised) or null for empty code', () => {
    expect(detectLanguage('', 'yml')).toBe('yaml');
    expect(detectLanguage('   \n\n  ', 'Dockerfile')).toBe('dockerfile');
    expect(detectLanguage('', null)).toBeNull();
  });

  it('never throws on odd input', () => {
    const odd = ['\u0000\u0001', '{'.repeat(10_000), '"'.repeat(5000), 'a'.repeat(100_000), '\r\n\r\n', '$', '#!', '<<EOF'];
    for (const snippet of odd) {
      expect(() => detectLanguage(snippet, null)).not.toThrow();
      expect(() => detectLanguage(snippet, 'yaml')).not.toThrow();
      expect(() => inferFileName(snippet, null)).not.toThrow();
    }
    expect(detectLanguage(undefined as unknown as string, 'js')).toBe('javascript');
  });

  it('handles 3,000-line inputs by sampling', () => {
    const yaml = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: big', 'data:'];
    for (let i = 0; i < 3000; i++) yaml.push(`  key${i}: "value ${i}"`);
    expect(detectLanguage(yaml.join('\n'), null)).toBe('yaml');

    const sql = ['CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);'];
    for (let i = 0; i < 3000; i++) sql.push(`INSERT INTO t (id, v) VALUES (${i}, 'row ${i}');`);
    expect(detectLanguage(sql.join('\n'), 'yaml')).toBe('sql');

    const json = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: i })), null, 2);
    expect(json.split('\n').length).toBeGreaterThan(3000);
    expect(detectLanguage(json, null)).toBe('json');

    const docker = [seedDockerfile, ...Array.from({ length: 3000 }, (_, i) => `RUN echo ${i}`)].join('\n');
    expect(detectLanguage(docker, 'yaml')).toBe('dockerfile');
  });

  it('accepts CRLF line endings', () => {
    expect(detectLanguage(seedDockerfile.replace(/\n/g, '\r\n'), 'yaml')).toBe('dockerfile');
    expect(detectLanguage(S.python.flask.replace(/\n/g, '\r\n'), null)).toBe('python');
  });
});

describe('languagesAgree', () => {
  it.each([
    ['yaml', 'yaml', true],
    ['yml', 'yaml', true],
    ['Dockerfile', 'dockerfile', true],
    ['typescript', 'javascript', true],
    ['javascript', 'json', true],
    ['console', 'bash', true],
    ['bash', 'console', true],
    [null, 'python', true],
    ['python', null, true],
    ['text', 'text', true],
    ['output', 'output', true],
    ['yaml', 'dockerfile', false],
    ['yaml', 'json', false],
    ['json', 'yaml', false],
    ['javascript', 'typescript', false],
    ['ini', 'toml', false],
    ['bash', 'python', false],
    ['text', 'python', false],
  ])('(%s, %s) → %s', (declared, detected, expected) => {
    expect(languagesAgree(declared, detected)).toBe(expected);
  });

  it('agrees with detectLanguage on the seed', () => {
    expect(languagesAgree('yaml', detectLanguage(seedDockerfile, 'yaml'))).toBe(false);
    expect(languagesAgree('yaml', detectLanguage(S.compose.web, 'yaml'))).toBe(true);
  });
});

describe('inferFileName', () => {
  it.each([
    ['seed Dockerfile', seedDockerfile, 'dockerfile', 'Dockerfile'],
    ['compose', S.compose.web, 'yaml', 'docker-compose.yml'],
    ['k8s Deployment', S.k8s.deployment, 'yaml', 'deployment.yaml'],
    ['k8s Service', S.k8s.service, 'yaml', 'service.yaml'],
    ['GitHub Actions', S.yaml.actions, 'yaml', 'workflow.yml'],
    ['Ansible', S.yaml.ansible, 'yaml', 'playbook.yml'],
    ['generic YAML', S.yaml.config, 'yaml', 'config.yaml'],
    ['SQL schema', S.sql.schema, 'sql', 'schema.sql'],
    ['SQL query', S.sql.select, 'sql', 'query.sql'],
    ['Terraform', S.hcl.aws, 'hcl', 'main.tf'],
    ['Terraform variables', S.hcl.variables, 'tf', 'variables.tf'],
    ['Python', S.python.flask, 'python', 'app.py'],
    ['package.json', S.json.object, 'json', 'package.json'],
    ['tsconfig.json', S.json.tsconfig, 'json', 'tsconfig.json'],
    ['generic JSON', '{ "debug": true }', 'json', 'config.json'],
    ['JavaScript', S.javascript.express, 'javascript', 'index.js'],
    ['TypeScript', S.typescript.iface, 'ts', 'index.ts'],
    ['bash script', S.bash.script, 'bash', 'script.sh'],
    ['nginx', S.nginx.server, 'nginx', 'nginx.conf'],
    ['INI', S.ini.config, 'ini', 'config.ini'],
    ['pyproject', S.toml.pyproject, 'toml', 'pyproject.toml'],
    ['Cargo', S.toml.cargo, 'toml', 'Cargo.toml'],
    ['Go', S.go.hello, 'go', 'main.go'],
    ['Java (class name)', S.java.hello, 'java', 'Hello.java'],
    ['HTML', S.html.page, 'html', 'index.html'],
  ])('%s → %s', (_name, snippet, language, expected) => {
    expect(inferFileName(snippet, language)).toBe(expected);
  });

  it('detects the language when none is given', () => {
    expect(inferFileName(seedDockerfile, null)).toBe('Dockerfile');
    expect(inferFileName(S.compose.redis, null)).toBe('docker-compose.yml');
  });

  it('prefers a file name from the title or a leading comment when it fits the language', () => {
    expect(inferFileName(S.python.classy, 'python', 'Example: models.py')).toBe('models.py');
    expect(inferFileName(S.compose.web, 'yaml', 'The `compose.prod.yaml` file')).toBe('compose.prod.yaml');
    expect(inferFileName('# src/server.py\nimport os\nprint(os.getcwd())', 'python')).toBe('server.py');
    expect(inferFileName('// routes.js\nconst x = 1;', 'javascript')).toBe('routes.js');
    // A title naming a file of another language is ignored.
    expect(inferFileName(S.bash.commands, 'bash', 'Writing a Dockerfile')).toBe('script.sh');
    expect(inferFileName(S.javascript.express, 'javascript', 'Node.js basics')).toBe('index.js');
    expect(inferFileName(seedDockerfile, 'dockerfile', 'The Dockerfile')).toBe('Dockerfile');
  });

  it('returns null for output, terminal sessions and unknown code', () => {
    expect(inferFileName('total 0', 'output')).toBeNull();
    expect(inferFileName(S.bash.prompts, 'console')).toBeNull();
    expect(inferFileName(S.bash.prompts, 'bash')).toBeNull();
    expect(inferFileName('Hello there', null)).toBeNull();
    expect(inferFileName('', null)).toBeNull();
    expect(inferFileName('x <- 1', 'r')).toBeNull();
  });
});
