// What the lab facts of the language packs say a learner's file does: each pack's `summary` (the goal
// of a "write this file" task: "runs the services `web` and `db`"), and the check commands that name
// what a file prints (`sqlStatements`, `kubernetesObjects`). tests/mutation-languages.test.ts pins each
// pack's typical snippet; these inputs are the ones it leaves open (comments that mention an
// instruction, indented or oddly spaced lines, none or many of a thing), so that a change to one of
// these regexes or counts (a mutant, README › Mutation testing) shows.
import { describe, expect, it } from 'vitest';
import { compose } from '../../src/languages/packs/compose.js';
import { dockerfile } from '../../src/languages/packs/dockerfile.js';
import { hcl } from '../../src/languages/packs/hcl.js';
import { scriptSummary } from '../../src/languages/packs/javascript.js';
import { kubernetes, kubernetesObjects } from '../../src/languages/packs/kubernetes.js';
import { nginx } from '../../src/languages/packs/nginx.js';
import { openapi } from '../../src/languages/packs/openapi.js';
import { python } from '../../src/languages/packs/python.js';
import { sql, sqlStatements } from '../../src/languages/packs/sql.js';
import type { LanguagePack } from '../../src/languages/index.js';
import { SNIPPETS } from './pack-snippets.js';

const summary = (pack: LanguagePack) => (source: string) => pack.lab!.summary!(source);
const check = (pack: LanguagePack, fileName: string, source: string) => pack.lab!.check!(fileName, source)!;

describe('compose: the services and named volumes a Compose file declares', () => {
  it.each([
    [SNIPPETS.compose!, 'runs the services `web` and `db` and keeps data in the named volume `data`'],
    // Blank, blank-looking and comment lines (at any indentation) neither end the block nor set its indentation;
    // `services:` need not be the first line; deeper keys are not services; a space may come before the colon.
    [
      'name: shop\nservices:\n      \n    # the workers come first\n\n# one service per container\n  worker:\n    build: .\n  api :\n    image: shop/api\nvolumes:\n  db-data:\n  cache.v1:\n',
      'runs the services `worker` and `api` and keeps data in the named volumes `db-data` and `cache.v1`',
    ],
    ['services:\n  app:\n    build: .', 'runs the service `app`'],
    ['volumes:\n  data:', 'keeps data in the named volume `data`'],
    ['version: "3.9"', null],
  ])('%j', (source, expected) => {
    expect(summary(compose)(source)).toBe(expected);
  });
});

describe('dockerfile: the base image, the exposed ports and the command', () => {
  it.each([
    [SNIPPETS.dockerfile!, 'builds on `python:3.12-slim`, exposes port 8000 and starts with `uvicorn app:app`'],
    // Comments that mention FROM, EXPOSE or CMD are no instructions; HEALTHCHECK's CMD is not the image's
    // command; flags before the image and extra spaces or trailing blanks change nothing.
    [
      '# Runs the API from a slim image\nFROM  --platform=linux/amd64  node:20-slim AS app\n# Expose the API port\nEXPOSE 3000 \nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\nCMD npm start ',
      'builds on `node:20-slim`, exposes port 3000 and starts with `npm start`',
    ],
    // Indented instructions; several ports on one line; an exec form with a number in it.
    ['  FROM golang:1.22 AS build\n  EXPOSE 80  443/tcp\n  ENTRYPOINT ["/app", "--port", 80]', 'builds on `golang:1.22`, exposes ports 80 and 443/tcp and starts with `/app --port 80`'],
    // No FROM; a shell form in quotes (JSON, but no array) is printed as written.
    ['EXPOSE 8080\nCMD "serve"', 'exposes port 8080 and starts with `"serve"`'],
    ['FROM alpine\nCMD [not json]', 'builds on `alpine` and starts with `[not json]`'],
    ['RUN echo hi', null],
  ])('%j', (source, expected) => {
    expect(summary(dockerfile)(source)).toBe(expected);
  });
});

describe('hcl: the resources a Terraform configuration declares', () => {
  it.each([
    [SNIPPETS.hcl!, 'declares `aws_s3_bucket.site`'],
    // A commented-out block is none; an indented one and extra spaces between the labels still count.
    ['# resource "aws_s3_bucket" "logs" {\n  resource  "aws_instance"  "web-1" {\n  ami = "x"\n}\nresource "aws_eip" "ip" {}', 'declares `aws_instance.web-1` and `aws_eip.ip`'],
    ['variable "region" {}', null],
  ])('%j', (source, expected) => {
    expect(summary(hcl)(source)).toBe(expected);
  });
});

describe('javascript and typescript: the functions and classes a module defines, the routes it handles', () => {
  it.each([
    [SNIPPETS.javascript!, 'handles `GET /`'],
    // Top-level declarations however spaced; nested ones (indented) and calls inside expressions are not listed.
    [
      "export  default  async  function  main() {}\nexport  class  Shop {}\nclass Cart {\n  constructor() {\n    class Inner {}\n  }\n}\nfunction save() {\n  function check() {}\n}\nrouter.post( '/orders', create);\napp.get('/', home);\n  app.get('/indented', f);\nconst x = app.get('/x');",
      'defines `main`, `Shop`, `Cart` and `save` and handles `POST /orders` and `GET /`',
    ],
    // Five of each at most.
    [
      "function a() {}\nfunction b() {}\nfunction c() {}\nfunction d() {}\nfunction e() {}\nfunction f() {}\napp.get('/1', a);\napp.put(`/2`, b);\napp.patch(\"/3\", c);\napp.delete('/4', d);\napp.post('/5', e);\napp.get('/6', f);",
      'defines `a`, `b`, `c`, `d` and `e` and handles `GET /1`, `PUT /2`, `PATCH /3`, `DELETE /4` and `POST /5`',
    ],
    ['const a = 1;', null],
  ])('%j', (source, expected) => {
    expect(scriptSummary(source)).toBe(expected);
  });
});

describe('kubernetes: the objects a manifest declares and what the dry run prints', () => {
  it.each([
    [SNIPPETS.kubernetes!, 'declares a Deployment with 2 replicas'],
    // Several documents; `kind` spaced or quoted; a nested `kind` is no object of its own.
    [
      'apiVersion: apps/v1\nkind : StatefulSet\nspec:\n  replicas :  12\n---\napiVersion: v1\nkind: "Service"\n---\nkind:  ConfigMap\nmetadata:\n  ownerReferences:\n    - kind: StatefulSet',
      'declares a StatefulSet, a Service and a ConfigMap with 12 replicas',
    ],
    // `replicas` at the top level is not the spec's.
    ['kind: Deployment\nreplicas: 3', 'declares a Deployment'],
    ['apiVersion: v1', null],
  ])('summary of %j', (source, expected) => {
    expect(summary(kubernetes)(source)).toBe(expected);
  });

  it.each([
    [SNIPPETS.kubernetes!, ['deployment.apps/web']],
    // A leading `---`, a separator with a comment, objects without an API group, quoted names, labels before the name.
    [
      '---\napiVersion: v1\nkind: Service\nmetadata: \n  labels:\n    app: web\n  name: "web"\n--- # the database\napiVersion: apps/v1\nkind : StatefulSet\nmetadata :\n  name :  db.primary\n',
      ['service/web', 'statefulset.apps/db.primary'],
    ],
    // The kind actually declared wins over one commented out above it; a kind without a name is no object.
    ['# kind: Deployment\nkind: CronJob\nmetadata:\n  name: nightly\n---\nkind: ConfigMap\ndata:\n  a: b', ['cronjob.batch/nightly']],
    // A section comment ending in dashes is no document separator.
    ['kind: Deployment\n# ---- metadata ----\nmetadata:\n  name: web', ['deployment.apps/web']],
    // `generateName` is no name, and the pod template's metadata is not the object's.
    ['apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\nspec:\n  template:\n    metadata:\n      name: migrate', []],
  ])('objects of %j', (source, expected) => {
    expect(kubernetesObjects(source)).toEqual(expected);
  });

  it('names each object in what the dry run prints, or says what it prints in general', () => {
    expect(check(kubernetes, 'app.yaml', 'kind: Service\nmetadata:\n  name: web\n---\nkind: Deployment\nmetadata:\n  name: web')).toEqual({
      command: 'kubectl apply --dry-run=client -f app.yaml',
      expected: 'kubectl prints `service/web created (dry run)`, `deployment.apps/web created (dry run)`.',
    });
    expect(check(kubernetes, 'job.yaml', 'kind: Job\nmetadata:\n  generateName: migrate-')).toEqual({
      command: 'kubectl apply --dry-run=client -f job.yaml',
      expected: 'kubectl reports each object as created (dry run).',
    });
  });
});

describe('nginx: the port a configuration listens on and its locations', () => {
  it.each([
    [SNIPPETS.nginx!, 'listens on `80` and routes `/`'],
    // Extra spaces anywhere; a regex location; no space before the brace.
    ['server {\n    listen  443 ssl ;\n    location  ~* \\.(png|jpg)$  {\n    }\n    location = /health{\n    }\n}', 'listens on `443 ssl` and routes `~* \\.(png|jpg)$` and `= /health`'],
    // Commented-out directives are none.
    ['http {\n  # listen 80;\n  # location /old {\n}', null],
    ['events {}', null],
  ])('%j', (source, expected) => {
    expect(summary(nginx)(source)).toBe(expected);
  });

  it('tests a whole configuration as is, and a server block inside the stock one', () => {
    const wholeCommand = (source: string) => check(nginx, 'nginx.conf', source).command;
    const whole = 'nginx -t -c "$PWD/nginx.conf"';
    const block = 'docker run --rm -v "$PWD/nginx.conf:/etc/nginx/conf.d/default.conf:ro" nginx:stable nginx -t';
    expect(check(nginx, 'nginx.conf', 'events {}\nhttp {\n  server {\n  }\n}')).toEqual({ command: whole, expected: 'nginx reports “syntax is ok” and “test is successful”.' });
    expect(wholeCommand('events{}\nhttp{\n}')).toBe(whole);
    expect(wholeCommand('  events {\n  }\n  http {\n  }')).toBe(whole);
    expect(wholeCommand('# Goes inside the http { } block of nginx.conf\nserver {\n  listen 80;\n}')).toBe(block);
  });
});

describe('openapi: the paths a description describes', () => {
  it.each([
    [SNIPPETS.openapi!, 'describes `/orders`'],
    // Paths are the keys two spaces in; a deeper one is no path; a space may come before the colon.
    ['paths:\n  /:\n    /nested:\n  /b/{id} :\n', 'describes `/` and `/b/{id}`'],
    ['paths:\n  /a:\n  /b:\n  /c:\n  /d:', 'describes `/a`, `/b`, `/c` and `/d`'],
    ['paths:\n  /a:\n  /b:\n  /c:\n  /d:\n  /e:', 'describes `/a`, `/b`, `/c` and `/d` and more'],
    ['openapi: 3.1.0', null],
  ])('%j', (source, expected) => {
    expect(summary(openapi)(source)).toBe(expected);
  });
});

describe('python: the functions and classes a module defines', () => {
  it.each([
    [SNIPPETS.python!, 'defines `greet`'],
    // Top-level definitions however spaced; methods and nested classes are not listed.
    ['async  def  fetch():\n    pass\nclass  Cart:\n    def total(self):\n        pass\ndef main():\n    class Local:\n        pass', 'defines `fetch`, `Cart` and `main`'],
    ['async def a(): pass\ndef b(): pass\ndef c(): pass\ndef d(): pass\ndef e(): pass\ndef f(): pass', 'defines `a`, `b`, `c`, `d` and `e`'],
    ['x = 1', null],
  ])('%j', (source, expected) => {
    expect(summary(python)(source)).toBe(expected);
  });
});

describe('sql: the tables and indexes a script creates, and the status lines psql prints', () => {
  it.each([
    [SNIPPETS.sql!, 'creates the table `orders`'],
    // Quoted and schema-qualified names, IF NOT EXISTS, extra spaces, UNIQUE indexes.
    [
      'create table if not exists "shop"."orders" (id int);\nCREATE  TABLE  IF  NOT  EXISTS  items (id int);\nCREATE  UNIQUE  INDEX  IF  NOT  EXISTS  "orders_total" ON orders (total);\ncreate index idx_items ON items (id);',
      'creates the tables `shop.orders` and `items` and the indexes `orders_total` and `idx_items`',
    ],
    ['CREATE UNIQUE INDEX orders_total ON orders (total);', 'the index `orders_total`'],
    ['SELECT 1;', null],
  ])('summary of %j', (source, expected) => {
    expect(summary(sql)(source)).toBe(expected);
  });

  it('lists each statement’s status once, in order, as psql prints it', () => {
    const script = [
      '-- Orders: update them after each insert',
      'CREATE TABLE orders (id int, total int);',
      'create  unique  index orders_total on orders (total);',
      'CREATE INDEX orders_id ON orders (id);',
      '  CREATE VIEW big AS SELECT * FROM orders WHERE total > 100;',
      'INSERT INTO orders VALUES (1, 10);',
      'insert into orders values (2, 20);',
      'UPDATE orders SET total = 0;',
      'ALTER  TABLE orders ADD note text;',
      'GRANT SELECT ON orders TO app;',
      'DELETE FROM orders;',
      'CREATE EXTENSION pgcrypto;',
      'CREATE SCHEMA audit;',
      'CREATE TYPE mood AS ENUM (\'ok\');',
      'CREATE FUNCTION one() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;',
    ].join('\n');
    expect(sqlStatements(script)).toEqual([
      'CREATE TABLE', 'CREATE INDEX', 'CREATE VIEW', 'INSERT 0 1', 'UPDATE', 'ALTER TABLE', 'GRANT', 'DELETE',
      'CREATE EXTENSION', 'CREATE SCHEMA', 'CREATE TYPE', 'CREATE FUNCTION',
    ]);
    expect(sqlStatements('CREATE UNIQUE INDEX orders_total ON orders (total);')).toEqual(['CREATE INDEX']);
    expect(sqlStatements('CREATE  TABLE orders (id int);')).toEqual(['CREATE TABLE']);
    expect(sqlStatements('SELECT 1;')).toEqual([]);
  });

  it('names those statuses in what the check expects', () => {
    expect(check(sql, 'schema.sql', 'CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);')).toEqual({
      command: 'psql -v ON_ERROR_STOP=1 -f schema.sql',
      expected: 'psql prints one line per statement (CREATE TABLE, INSERT 0 1) and no ERROR.',
    });
    expect(check(sql, 'query.sql', 'SELECT 1;').expected).toBe('psql prints one line per statement (CREATE …) and no ERROR.');
  });
});
