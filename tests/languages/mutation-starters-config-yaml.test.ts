// The YAML starter (src/languages/yaml-starter.ts), written out whole for a Compose file, Kubernetes
// documents, a workflow and a playbook: which keys it keeps (two levels of mappings), which become one
// hint, how lists, comments, blank lines and document markers come through. The mutation run (README ›
// Mutation testing) showed these untested; writing them out found that a key followed by a comment
// (`services: # the app`) lost everything under it, and that quoted keys holding a colon were no keys.
import { describe, expect, it } from 'vitest';
import { yamlStarter } from '../../src/languages/yaml-starter.js';
import { starterCode } from '../../src/languages/starters.js';

const yaml = (...lines: string[]) => lines.join('\n');

describe('a Compose file', () => {
  it('keeps services and their names, hints each setting, declares the named volumes', () => {
    const source = yaml(
      '# Shop stack',
      'services: # the app',
      '  web:',
      '    build: .',
      '    image: shop/web:1.4',
      '    ports:',
      '      - "8080:80"',
      '      - "8443:443"',
      '    environment:',
      '      DATABASE_URL: postgres://shop@db/shop',
      '    depends_on:',
      '      - db',
      '',
      '  # the database',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_DB: shop',
      '    volumes:',
      '      - db-data:/var/lib/postgresql/data',
      '',
      'volumes:  # named volumes',
      '  db-data:',
      'networks:',
      '  front:',
      '    driver: bridge',
    );
    expect(starterCode(source, 'yaml')).toBe(
      yaml(
        '# Shop stack',
        'services: # the app',
        '  web:',
        '    # TODO: set the build context',
        '    # TODO: choose the image',
        '    # TODO: publish the ports',
        '    # TODO: set the environment variables',
        '    # TODO: list the services this one depends on',
        '',
        '  # the database',
        '  db:',
        '    # TODO: choose the image',
        '    # TODO: set the environment variables',
        '    # TODO: mount or declare the volumes',
        '',
        'volumes:  # named volumes',
        '  # TODO: declare the volume db-data',
        'networks:',
        '  front:',
        '    # TODO: choose the driver',
      ),
    );
  });
});

describe('an OpenAPI description', () => {
  it('keeps paths and their operations, and hints a list of servers as one', () => {
    const source = yaml(
      'openapi: 3.0.3',
      'info:',
      '  title: Shop API',
      '  version: 1.0.0',
      'servers:',
      '  - url: https://api.example.com',
      '    description: production',
      'paths:',
      '  /orders:',
      '    get:',
      '      summary: List orders',
    );
    expect(starterCode(source, 'yaml')).toBe(
      yaml(
        '# TODO: set the OpenAPI version',
        'info:',
        '  # TODO: set the title',
        '  # TODO: set the version',
        '# TODO: list the servers',
        'paths:',
        '  /orders:',
        '    # TODO: describe the GET operation',
      ),
    );
  });
});

describe('Kubernetes documents', () => {
  it('keeps the document markers and hints a block scalar as one value, whatever it holds', () => {
    const source = yaml(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: shop-config',
      'data:',
      '  config.yaml: |',
      '    log_level: info',
      '    workers: 4',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: shop',
      '  labels: {app: shop}',
      'spec:',
      '  replicas: 2',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: shop/web:1.4',
      '...',
    );
    expect(starterCode(source, 'yaml')).toBe(
      yaml(
        '# TODO: set the API version',
        '# TODO: set the object kind',
        'metadata:',
        '  # TODO: set the name',
        'data:',
        '  # TODO: set config.yaml',
        '---',
        '# TODO: set the API version',
        '# TODO: set the object kind',
        'metadata:',
        '  # TODO: set the name',
        '  # TODO: set the labels',
        'spec:',
        '  # TODO: set the number of replicas',
        '  template:',
        '    # TODO: write the spec',
        '...',
      ),
    );
  });
});

describe('lists', () => {
  it('hints a list of steps as one, and an unindented list under a kept key as its items', () => {
    const source = yaml(
      'name: CI',
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '    - uses: actions/checkout@v4',
      '    - name: Test',
      '      run: |',
      '        npm ci',
      '        npm test',
      '  lint:',
      '    steps:',
      '      - uses: actions/checkout@v4',
    );
    expect(starterCode(source, 'yaml')).toBe(
      yaml(
        '# TODO: set the name',
        'on:',
        '  push:',
        '    # TODO: set branches',
        'jobs:',
        '  test:',
        '    # TODO: choose the runner',
        '    # TODO: list the steps',
        '    # TODO: add the items',
        '  lint:',
        '    # TODO: list the steps',
      ),
    );
  });

  it('gives a top-level list one hint for all its items, up to a comment between them', () => {
    const playbook = yaml(
      '- hosts: web',
      '  become: true',
      '  tasks:',
      '    - name: Install nginx',
      '      apt:',
      '        name: nginx',
      '# the database servers',
      '- hosts: db',
      '  tasks: []',
    );
    expect(yamlStarter(playbook)).toEqual(['# TODO: add the list items', '# the database servers', '# TODO: add the list items']);
    // Items written as a bare dash with the mapping below.
    expect(yamlStarter(yaml('-', '  name: Ada', '  role: admin', '-', '  name: Alan'))).toEqual(['# TODO: add the list items']);
  });
});

describe('keys and values that are easy to misread', () => {
  it('reads quoted keys, values on the next line and comments at the end of a block', () => {
    const source = yaml(
      'image:',
      '  nginx:1.27',
      '"http://example.com": allowed',
      "'x-request-id': required",
      'environment:',
      '  GREETING:',
      '    "hello: world"',
      'volumes:',
      '  -',
      '    type: bind',
      '    source: ./data',
      'services:',
      '  # the only service',
      '  web:',
      '    image: shop/web',
      'title: Shop',
      '# end',
    );
    expect(starterCode(source, 'yaml')).toBe(
      yaml(
        '# TODO: choose the image',
        '# TODO: set http://example.com',
        '# TODO: set x-request-id',
        'environment:',
        '  # TODO: set GREETING',
        '# TODO: mount or declare the volumes',
        'services:',
        '  # the only service',
        '  web:',
        '    # TODO: choose the image',
        '# TODO: set the title',
        '# end',
      ),
    );
  });

  it('keeps a comment that ends the file inside a block', () => {
    expect(starterCode(yaml('services:', '  web:', '    image: nginx', '    # pinned below'), 'yaml')).toBe(
      yaml('services:', '  web:', '    # TODO: choose the image', '    # pinned below'),
    );
  });

  it('drops blank lines at the end, even with spaces in them, and makes nothing of nothing', () => {
    expect(starterCode('title: Shop\n   ', 'yaml')).toBe('# TODO: set the title');
    expect(yamlStarter('title: Shop\n\n')).toEqual(['# TODO: set the title']);
    expect(starterCode('', 'yaml')).toBe('');
  });

  it('leaves a document that is neither a mapping nor a block list to complete', () => {
    expect(starterCode(yaml('- web', '- db', '---', '[web, db]'), 'yaml')).toBe(yaml('# TODO: add the list items', '---', '# TODO: complete this part'));
  });
});
