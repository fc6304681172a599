// Names the language packs read out of an example, for the cases the other mutation-packs tests
// leave open: Compose service names written in quotes or mis-indented under `services`, the name of a
// Kubernetes object, and the workflow file name from a runner alone or a trigger alone. Written for the mutants of
// src/languages/packs/ (README › Mutation testing).
import { describe, expect, it } from 'vitest';
import { inferFileName } from '../../src/languages/index.js';
import { compose } from '../../src/languages/packs/compose.js';
import { kubernetesObjects } from '../../src/languages/packs/kubernetes.js';

describe('compose: service names', () => {
  it('reads a quoted service name like a plain one', () => {
    // Regression: `"web":` was no service, so a Compose file with quoted names ran none.
    expect(compose.lab!.summary!('services:\n  "web":\n    image: nginx\n  \'db\' :\n    image: postgres')).toBe('runs the services `web` and `db`');
  });

  it('takes a mis-indented key for a service, and a list item for none', () => {
    // A learner's `ports` one level too far out: the sheet shows what the file says, no port number as a service.
    expect(compose.lab!.summary!('services:\n  web:\n    image: nginx\n  ports:\n  - "8080:80"')).toBe('runs the services `web` and `ports`');
  });
});

describe('workflow: the file name from `jobs` and a trigger or a runner', () => {
  it.each([
    ['jobs:\n  test:\n    runs-on: ubuntu-latest', 'workflow.yml'],
    ['on: push\nname: CI', 'config.yaml'],
  ])('%j', (code, expected) => {
    expect(inferFileName(code, 'yaml')).toBe(expected);
  });
});

describe('kubernetes: the name of an object is the one under its metadata', () => {
  it('does not read past a blank-looking line into the next top-level key', () => {
    // Regression: a line of spaces let `metadata:` run on into `spec:`, whose `name` became the object's.
    expect(kubernetesObjects('kind: Service\nmetadata:\n  \nspec:\n  name: x')).toEqual([]);
    expect(kubernetesObjects('kind: Service\nmetadata:\n  labels:\n  \n  name: web')).toEqual(['service/web']);
  });
});
