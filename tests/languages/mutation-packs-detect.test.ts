// What the language packs add to detection, file names and file kinds, beyond each pack's typical
// snippet (tests/mutation-languages.test.ts): the whole score map the detector ends with (so a pack's
// scorer adding to the wrong language, or at the wrong share of lines, shows), the file name each
// pack suggests for its edge cases (a comment that mentions a keyword, indented or oddly spaced
// lines), and which file kind of YAML claims an example. Written for the mutants of
// src/languages/packs/ (README › Mutation testing).
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/languages/detect.js';
import { inferFileName } from '../../src/languages/index.js';
import { fileKind } from '../../src/languages/file-kinds.js';
import { starterCode } from '../../src/languages/starters.js';
import { SNIPPETS } from './pack-snippets.js';

const scores = (code: string) => Object.fromEntries(analyse(code).scores);

describe('the scores each pack leaves on its typical snippet', () => {
  it.each([
    // A file kind of YAML adds its bonus to YAML: Compose 6, Kubernetes 8, workflow 4, playbook 3.
    ['compose', { yaml: 15 }],
    ['kubernetes', { yaml: 17 }],
    ['workflow', { yaml: 12 }],
    ['playbook', { yaml: 9 }],
    ['yaml', { yaml: 6 }],
    // C++ takes over C's points (and C's entry goes); TypeScript takes over JavaScript's. (`std::cout << "hi"
    // << std::endl;` ends in `;`: a statement, no shell heredoc, so bash has no points.)
    ['cpp', { css: 1.5, cpp: 10 }],
    ['typescript', { css: 3, typescript: 17 }],
    // Declared XML takes over HTML's points from its tags.
    ['xml', { xml: 14 }],
    ['html', { html: 19.5 }],
    ['json', { yaml: 0.5, json: 10 }],
    ['toml', { hcl: 0.9, toml: 5.5, ini: 1 }],
  ])('%s', (kind, expected) => {
    const actual = scores(SNIPPETS[kind]!);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [lang, points] of Object.entries(expected)) expect(actual[lang], lang).toBeCloseTo(points, 10);
  });
});

describe('scorers at their thresholds', () => {
  it.each([
    // Dockerfile: three points a line from 60 % of the lines, one point a line from 30 %, nothing below.
    ['FROM node:20\nRUN npm ci\nCOPY . .\necho done\nls -l', { bash: 4, dockerfile: 9 }],
    ['FROM node:20\nRUN npm ci\nCOPY . .\necho 1\necho 2\necho 3\necho 4\necho 5\necho 6\necho 7', { bash: 14, dockerfile: 3 }],
    ['FROM node:20\nRUN npm ci\necho 1\necho 2\necho 3\necho 4\necho 5\necho 6\necho 7\necho 8', { bash: 16 }],
    // YAML: a point a line from 80 % of the lines and two lines; half a point a line (two at most) otherwise.
    ['name: shop\nversion: 1\nport: 80\nhost: db\necho a', { bash: 2, yaml: 4 }],
    ['name: shop\nversion: 1\necho a\necho b', { bash: 4, yaml: 1 }],
    ['name: shop', { yaml: 0.5 }],
    ['on: push\nname: CI', { yaml: 2 }],
    // Workflow: `jobs` and either a trigger or a runner.
    ['name: CI\non: push\njobs:\n  call:\n    uses: ./.github/workflows/build.yml', { yaml: 9 }],
    ['jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make', { yaml: 9 }],
    ['jobs:\n  test:\n    steps:\n      - run: make', { yaml: 4 }],
    // TypeScript: three points of its own, on top of JavaScript or a type declaration.
    ['enum Color { Red, Green }\nconst c = Color.Red;', { typescript: 5 }],
    ['enum Color { Red, Green }', {}],
    // XML without a declaration: tags on 70 % of the lines, and none of them HTML's.
    ['<config>\n<port>80</port>\n<host>db</host>\n<user>app</user>\n<pool>5</pool>\n<mode>fast</mode>\n</config>\nport 80\nhost db\nuser app', { xml: 7 }],
    ['<config>\n  <port>80</port>\nport = 80', { hcl: 0.3 }],
    ['<?xml version="1.0"?>\n<p>Hi</p>', { xml: 12 }],
    // INI needs a section: key/value lines alone (a .env file) are none.
    ['DATABASE_URL=postgres://db/shop\nDEBUG=true', { bash: 1, hcl: 0.3 }],
    // TOML: dotted sections and plain values count too.
    ['[tool.black]\nline-length = 88\nfast = true', { hcl: 0.6, toml: 3, ini: 2 }],
  ])('%j', (code, expected) => {
    const actual = scores(code);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const [lang, points] of Object.entries(expected)) expect(actual[lang], lang).toBeCloseTo(points, 10);
  });

  it.each([
    // Parses: ten points, or two a line in a longer document.
    ['{\n  "name": "shop",\n  "version": "1.0.0",\n  "private": true,\n  "type": "module",\n  "main": "index.js"\n}', { yaml: 0.5, json: 14 }],
    // Does not parse (comments, a trailing comma, an unquoted key): two points a quoted key, when 40 % of the lines are.
    ['{\n  // the name\n  "name": "shop",\n  "private": true,\n}', { json: 4 }],
    ['{\n  "name": "shop",\n  "private": true,\n  version: 1\n}', { yaml: 0.5, json: 4 }],
    ['{\n  "name": "shop",\n  version: 1,\n  private: true,\n  type: module,\n}', {}],
    // It must open and close like an object or array.
    ['module.exports = {\n  "name": "shop",\n  "private": true\n}', { javascript: 3, hcl: 1, yaml: 0.5 }],
    ['{\n  "name": "shop",\n  "scripts": { "test": "vitest" }\n},', { yaml: 0.5 }],
  ])('json: %j', (code, expected) => {
    expect(scores(code)).toEqual(expected);
  });

  it('json: parses a document of up to a million characters whole, and no longer one', () => {
    const array = (length: number) => `[${'1,'.repeat((length - 4) / 2)}10]`;
    expect(scores(array(1_000_000))).toEqual({ json: 10 });
    expect(scores(array(1_000_002))).toEqual({});
  });
});

describe('file names the packs suggest', () => {
  it.each([
    // Compose needs `services` without `apiVersion`; Kubernetes names the file after the kind, a single word.
    ['yaml', 'apiVersion: v1\nkind: List\nservices:\n  - web', 'list.yaml'],
    ['yaml', 'apiVersion: apps/v1\nkind: "Deployment"\nmetadata:\n  name: web', 'deployment.yaml'],
    ['yaml', 'apiVersion: apps/v1\nkind: Deployment.apps\nmetadata:\n  name: web', 'config.yaml'],
    ['yaml', 'kind: Pod\nmetadata:\n  name: web', 'config.yaml'],
    // Workflow: `jobs` and a trigger, or a runner.
    ['yaml', 'name: CI\non: push\njobs:\n  call:\n    uses: ./.github/workflows/build.yml', 'workflow.yml'],
    ['yaml', 'jobs:\n  test:\n    runs-on : ubuntu-latest', 'workflow.yml'],
    ['yaml', 'jobs:\n  test:\n    steps:\n      - run: make', 'config.yaml'],
    // Playbook: `hosts` (in a list item or not, however spaced) and `tasks`; comments are neither.
    ['yaml', '- hosts: web\n  tasks:\n    - ping:', 'playbook.yml'],
    ['yaml', '  - hosts: web\n    tasks:\n      - ping:', 'playbook.yml'],
    ['yaml', '- name: web\n  hosts :  all\n  tasks :\n    - ping:', 'playbook.yml'],
    ['yaml', 'hosts: web\ntasks:\n  - ping:', 'playbook.yml'],
    ['yaml', '- hosts: web\n  roles:\n    - nginx\n# no tasks: roles do the work', 'config.yaml'],
    ['yaml', '# hosts: web\n- name: x\n  tasks:\n    - ping:', 'config.yaml'],
    ['yaml', '- hosts: web', 'config.yaml'],
    // Terraform: variables.tf or outputs.tf when every block is one, main.tf otherwise; a word in a string is no block.
    ['hcl', 'variable "region" {\n  description = "the region this module deploys to"\n}', 'variables.tf'],
    ['hcl', 'variable "region" {}\nvariable "zone" {}', 'variables.tf'],
    ['hcl', 'output "url" {\n  value = aws_s3_bucket.site.website_endpoint\n}', 'outputs.tf'],
    ['hcl', '  output "url" {\n    value = aws_s3_bucket.site.website_endpoint\n  }', 'outputs.tf'],
    ['hcl', 'output "url" {}\nresource "aws_s3_bucket" "site" {}', 'main.tf'],
    ['hcl', 'region = "eu-west-1"', 'main.tf'],
    // JSON: tsconfig.json, package.json (a name and scripts or dependencies), data.json for an array.
    ['json', '{ "compilerOptions" : { "strict": true } }', 'tsconfig.json'],
    ['json', '{ "name" : "shop", "scripts" : { "test": "vitest" } }', 'package.json'],
    ['json', '{ "name": "shop", "devDependencies": {} }', 'package.json'],
    ['json', '{ "name": "shop" }', 'config.json'],
    ['json', '{ "scripts": {} }', 'config.json'],
    ['json', '[1, 2]', 'data.json'],
    ['json', '{"tags": ["a"]}', 'config.json'],
    // TOML: pyproject.toml for Python's tables, Cargo.toml for `[package]`; a table named in a value is none.
    ['toml', '  [project]\n  name = "x"', 'pyproject.toml'],
    ['toml', '[[tool.mypy.overrides]]\nmodule = "x"', 'pyproject.toml'],
    ['toml', '[package]\nname = "shop"\ndescription = "Reads the [project] table"', 'Cargo.toml'],
    ['toml', '  [package]\nname = "x"', 'Cargo.toml'],
    ['toml', '[server]\nname = "the [package] cache"', 'config.toml'],
    // Java: the public class, however declared and spaced; Main otherwise.
    ['java', 'public  final  class  Shop {}', 'Shop.java'],
    ['java', 'public  abstract  class  Shape {}', 'Shape.java'],
    ['java', 'class Helper {}', 'Main.java'],
    // XML: pom.xml for a Maven project (with its namespace), config.xml otherwise.
    ['xml', '<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <groupId>shop</groupId>\n</project>', 'pom.xml'],
    ['xml', '<project>\n  <name>x</name>\n</project>', 'config.xml'],
    ['xml', '<dependency>\n  <groupId>shop</groupId>\n</dependency>', 'config.xml'],
    // Python: test_app.py for test functions (methods, async ones too), not for a comment naming one.
    ['python', 'def total(items):\n    return sum(items)\n\n# def test_total(): see tests/test_app.py', 'app.py'],
    ['python', 'def test_total():\n    assert total([1]) == 1', 'test_app.py'],
    ['python', 'class TestCart:\n    def  test_total(self):\n        pass', 'test_app.py'],
    ['python', 'async def test_fetch():\n    assert await fetch()', 'test_app.py'],
    ['python', 'async  def test_fetch():\n    assert await fetch()', 'test_app.py'],
    ['python', 'def test_():\n    pass', 'app.py'],
    // SQL: schema.sql when it creates or alters a table, not when a comment says so.
    ['sql', '-- run after create table orders\nSELECT * FROM orders;', 'query.sql'],
    ['sql', '  CREATE TABLE orders (id int);', 'schema.sql'],
    ['sql', 'CREATE  TABLE orders (id int);', 'schema.sql'],
  ])('%s: %j', (language, code, expected) => {
    expect(inferFileName(code, language)).toBe(expected);
  });

  it('kubernetes: a comment after the kind is no part of it', () => {
    // Regression: `kind: Deployment  # …` gave no name of its own (config.yaml).
    expect(inferFileName('apiVersion: apps/v1\nkind: Deployment  # the web front end\nmetadata:\n  name: web', 'yaml')).toBe('deployment.yaml');
  });
});

describe('the file kind of a YAML example', () => {
  it.each([
    // By the name on the sheet, or by the name its content suggests.
    ['compose.yml', SNIPPETS.yaml!, 'compose'],
    ['compose.yaml', SNIPPETS.yaml!, 'compose'],
    ['stack.yml', SNIPPETS.compose!, 'compose'],
    ['openapi.yaml', SNIPPETS.yaml!, 'openapi'],
    ['workflow.yml', SNIPPETS.yaml!, 'workflow'],
    ['ci.yml', SNIPPETS.workflow!, 'workflow'],
    ['playbook.yml', SNIPPETS.yaml!, 'playbook'],
    ['site.yml', SNIPPETS.playbook!, 'playbook'],
    // Kubernetes: `apiVersion` and `kind` at the top level, a space before the colon or not; commented out, no.
    ['pod.yaml', 'apiVersion : v1\nkind : Pod', 'kubernetes'],
    ['Chart.yaml', 'apiVersion: v2\nname: shop\nversion: 0.1.0', 'yaml'],
    ['pod.yaml', '#apiVersion: v1\nkind: Pod\nmetadata:\n  name: web', 'yaml'],
    ['pod.yaml', 'apiVersion: v1\n# kind: Pod\nmetadata:\n  name: web', 'yaml'],
    // OpenAPI: `openapi` at the top level.
    ['api.yaml', 'openapi : 3.1.0\ninfo:\n  title: Shop', 'openapi'],
    ['mkdocs.yaml', 'docs:\n  openapi: docs/openapi.yaml', 'yaml'],
  ])('%s: %j', (fileName, code, expected) => {
    expect(fileKind(fileName, 'yaml', code)).toBe(expected);
  });
});

describe('starters of the packs that share a starter maker', () => {
  it('hcl: a map argument is a setting, not a block', () => {
    expect(starterCode('resource "aws_s3_bucket" "site" {\n  tags = {\n    Name = "site"\n  }\n}', 'hcl')).toBe(
      'resource "aws_s3_bucket" "site" {\n  # TODO: set tags\n}',
    );
  });

  it('javascript: a function keeps its closing brace', () => {
    expect(starterCode('function greet(name) {\n  return `Hi ${name}`;\n}\ngreet("you");', 'javascript')).toBe(
      'function greet(name) {\n  // TODO: implement greet\n}\n// TODO: complete this step',
    );
  });
});
