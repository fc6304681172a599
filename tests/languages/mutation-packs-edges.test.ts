// Edge cases of the language packs' own functions that the other mutation-packs tests leave open: a
// Compose excerpt without its top-level key, the subject a Dockerfile task names, a JSON array after a
// blank line, a Kubernetes kind spaced or quoted otherwise, and a psql status of an oddly spaced
// statement. Each calls the pack's function directly. Written for the mutants of
// src/languages/packs/ (README › Mutation testing).
import { describe, expect, it } from 'vitest';
import { compose } from '../../src/languages/packs/compose.js';
import { dockerfile } from '../../src/languages/packs/dockerfile.js';
import { json } from '../../src/languages/packs/json.js';
import { kubernetesObjects } from '../../src/languages/packs/kubernetes.js';
import { sqlStatements } from '../../src/languages/packs/sql.js';

describe('compose: an excerpt without `services:` or `volumes:`', () => {
  it('names no service and no volume', () => {
    expect(compose.lab!.summary!('  web:\n    image: nginx')).toBeNull();
  });
});

describe('dockerfile: the subject of a task', () => {
  it('is the Dockerfile, whatever the file is called', () => {
    expect(dockerfile.lab!.subject!('Containerfile')).toBe('the Dockerfile');
  });
});

describe('json: the file name of an array', () => {
  it('is data.json after a blank line too', () => {
    const text = '\n[1, 2]';
    expect(json.fileName!(text, () => { throw new Error('json names its file from the text alone'); })).toBe('data.json');
  });
});

describe('kubernetes: objects however their kind is spaced or quoted', () => {
  it.each([
    ['kind:  Deployment\nmetadata:\n  name: web', ['deployment.apps/web']],
    ["kind: 'Ingress'\nmetadata:\n  name: web", ['ingress.networking.k8s.io/web']],
  ])('%j', (source, expected) => {
    expect(kubernetesObjects(source)).toEqual(expected);
  });
});

describe('sql: the status of a unique index however spaced', () => {
  it('is CREATE INDEX', () => {
    expect(sqlStatements('CREATE  UNIQUE INDEX orders_total ON orders (total);')).toEqual(['CREATE INDEX']);
  });
});
