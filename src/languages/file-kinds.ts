/**
 * File kinds of a lab's "write this file" tasks: which kind an example is, its label, steps,
 * common mistakes, watch-outs, and the command that checks the student's file.
 */

import { own } from './own.js';
import type { CheckYourWork } from '../plan/lab-tasks.js';
import { inferFileName } from './file-names.js';

export type FileKind =
  | 'dockerfile' | 'compose' | 'kubernetes' | 'openapi' | 'workflow' | 'playbook' | 'yaml' | 'json' | 'sql' | 'hcl'
  | 'python' | 'javascript' | 'typescript' | 'nginx' | 'toml' | 'ini' | 'other';

export function fileKind(fileName: string, language: string, code: string): FileKind {
  if (language === 'dockerfile') return 'dockerfile';
  if (language === 'yaml') {
    // The kind comes from the content (the guessed name says it); the name on the sheet may be the author's.
    const guess = inferFileName(code, language) ?? '';
    if (/docker-compose|compose\.ya?ml/.test(fileName) || guess === 'docker-compose.yml') return 'compose';
    if (/^apiVersion\s*:/m.test(code) && /^kind\s*:/m.test(code)) return 'kubernetes';
    if (fileName === 'openapi.yaml' || /^openapi\s*:/m.test(code)) return 'openapi';
    if (fileName === 'workflow.yml' || guess === 'workflow.yml') return 'workflow';
    if (fileName === 'playbook.yml' || guess === 'playbook.yml') return 'playbook';
    return 'yaml';
  }
  const direct: Record<string, FileKind> = {
    json: 'json', sql: 'sql', hcl: 'hcl', python: 'python', javascript: 'javascript', typescript: 'typescript',
    nginx: 'nginx', toml: 'toml', ini: 'ini',
  };
  return direct[language] ?? 'other';
}

export const KIND_LABELS: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  compose: 'Compose file',
  kubernetes: 'Kubernetes manifest',
  openapi: 'OpenAPI description',
  workflow: 'workflow file',
  playbook: 'Ansible playbook',
  yaml: 'YAML file',
  json: 'JSON file',
  sql: 'SQL script',
  hcl: 'Terraform configuration',
  python: 'Python module',
  javascript: 'JavaScript module',
  typescript: 'TypeScript module',
  nginx: 'nginx configuration',
  toml: 'TOML file',
  ini: 'configuration file',
  other: 'file',
};

export const KIND_STEPS: Record<FileKind, string[]> = {
  dockerfile: ['Order the instructions so that dependencies are installed before the application code is copied: Docker then reuses the install layer.'],
  compose: ['Give every service what it needs to start: an image or a build context, ports, environment and the services it depends on.'],
  kubernetes: ['Make sure the selector matches the labels of the pod template.'],
  openapi: ['Describe every path with its parameters and responses, and reference shared schemas under `components`.'],
  workflow: ['Name each job and step so the run log reads like a checklist.'],
  playbook: ['Keep each task idempotent: running the playbook twice must change nothing the second time.'],
  yaml: ['Indent with spaces only; YAML treats indentation as structure.'],
  json: ['Replace each `"TODO"` value with a value of the right type (string, number, boolean, list or object).'],
  sql: ['Choose a type and the constraints for each column.'],
  hcl: ['Fill in each block\'s arguments; keep one resource per block.'],
  python: ['Implement each function marked `TODO`; keep the signatures as they are.'],
  javascript: ['Implement each part marked `TODO`; keep the function signatures as they are.'],
  typescript: ['Implement each part marked `TODO`; keep the types as they are.'],
  nginx: ['Put each directive in the block it belongs to (`server`, `location`, …).'],
  toml: ['Keep each setting under its `[section]`.'],
  ini: ['Keep each setting under its `[section]`.'],
  other: [],
};

export const KIND_MISTAKES: Record<FileKind, string[]> = {
  dockerfile: ['Copying the whole project before installing dependencies, which rebuilds every layer on each change', 'Forgetting `--no-cache-dir` or cleanup, which bloats the image'],
  compose: ['Indenting with tabs or mixing indentation levels', 'Using `localhost` instead of the service name to reach another container'],
  kubernetes: ['A selector that does not match the pod template labels', 'Wrong `apiVersion` for the kind'],
  openapi: ['Paths without response descriptions', 'Inline schemas repeated instead of `$ref`'],
  workflow: ['Wrong indentation under `steps`'],
  playbook: ['Shell commands where a module would be idempotent'],
  yaml: ['Tabs in indentation', 'Unquoted values that YAML reads as numbers or booleans (`yes`, `3.10`)'],
  json: ['Trailing commas and comments, which JSON does not allow'],
  sql: ['Missing `NOT NULL` or `UNIQUE` constraints', 'Re-running the script on a database where the tables already exist'],
  hcl: ['Forgetting `terraform init` before `terraform validate`'],
  python: ['Indentation errors after replacing a `TODO`'],
  javascript: ['Unbalanced braces after filling in a handler'],
  typescript: ['Type errors hidden with `any`'],
  nginx: ['Directives in the wrong context (e.g. `proxy_cache_path` inside `server`)', 'Missing semicolons'],
  toml: ['Keys outside their section'],
  ini: ['Keys outside their section'],
  other: [],
};

export const KIND_WATCH: Record<FileKind, string[]> = {
  dockerfile: ['Watch for learners who copy the application code before installing dependencies; ask them to change one source file and rebuild to see the cache miss.'],
  compose: ['YAML indentation is the usual failure: `docker compose config` names the line. Point out that service names are host names on the Compose network.'],
  kubernetes: ['kubectl reads its context even for a client-side dry run: check that learners have a working kubeconfig before class.'],
  openapi: ['Have learners open the description in a viewer (Redocly, Swagger UI) to see the result of what they wrote.'],
  workflow: ['Check the indentation under `jobs` and `steps` first when a learner is stuck.'],
  playbook: ['Ask learners to run the playbook twice and compare the "changed" counts.'],
  yaml: ['Check indentation first when a learner is stuck.'],
  json: ['A JSON validator points at the exact character; let learners find the error themselves.'],
  sql: ['Give each learner a scratch database, so re-running the script after a fix starts clean.'],
  hcl: ['`terraform init` downloads providers: run it before class, or use `-backend=false` on a machine that has them cached.'],
  python: ['A file that compiles may still fail at run time: ask learners to run it once.'],
  javascript: ['`node --check` only checks syntax: ask learners to run the module once.'],
  typescript: ['Type errors are expected on the first try; read the first one together.'],
  nginx: ['`nginx -t` needs the directives in the right context; most errors name the line.'],
  toml: ['Check quoting of strings first when a learner is stuck.'],
  ini: ['Check section headers first when a learner is stuck.'],
  other: ['Compare a learner\'s file with the solution line by line.'],
};

/** The verify command for a file kind, with what it prints when the file is right. */
export function checkFor(kind: FileKind, fileName: string, code: string): CheckYourWork | null {
  switch (kind) {
    case 'dockerfile':
      return { command: 'docker build -t lab .', expected: 'The build ends without errors and `docker image ls lab` lists the new image.' };
    case 'compose':
      return { command: 'docker compose config', expected: 'Compose prints the resolved configuration, with every service, and no error.' };
    case 'kubernetes': {
      const created = kubernetesObjects(code).map((o) => `\`${o} created (dry run)\``);
      return {
        command: `kubectl apply --dry-run=client -f ${fileName}`,
        expected: created.length > 0 ? `kubectl prints ${created.join(', ')}.` : 'kubectl reports each object as created (dry run).',
      };
    }
    case 'openapi':
      return { command: `npx @redocly/cli lint ${fileName}`, expected: 'The linter reports that the description is valid (warnings are fine for now).' };
    case 'workflow':
      return { command: `actionlint ${fileName}`, expected: 'No output: the workflow is valid.' };
    case 'playbook':
      return { command: `ansible-playbook --syntax-check ${fileName}`, expected: `Ansible prints \`playbook: ${fileName}\` and no error.` };
    case 'yaml':
      return { command: `yamllint ${fileName}`, expected: 'No errors (line-length warnings are fine).' };
    case 'json':
      return { command: `python3 -m json.tool ${fileName}`, expected: 'The JSON is printed back, formatted, with no error.' };
    case 'sql':
      return {
        command: `psql -v ON_ERROR_STOP=1 -f ${fileName}`,
        expected: `psql prints one line per statement (${sqlStatements(code).join(', ') || 'CREATE …'}) and no ERROR.`,
      };
    case 'hcl':
      return { command: 'terraform init -backend=false && terraform validate', expected: 'Terraform prints “Success! The configuration is valid.”' };
    case 'python':
      return { command: `python3 -m py_compile ${fileName}`, expected: 'No output: the module compiles.' };
    case 'javascript':
      return { command: `node --check ${fileName}`, expected: 'No output: the syntax is valid.' };
    case 'typescript':
      return { command: `npx tsc --noEmit ${fileName}`, expected: 'No output: the module type-checks.' };
    case 'nginx':
      return /^\s*(?:events|http)\s*\{/m.test(code)
        ? { command: `nginx -t -c "$PWD/${fileName}"`, expected: 'nginx reports “syntax is ok” and “test is successful”.' }
        : {
            command: `docker run --rm -v "$PWD/${fileName}:/etc/nginx/conf.d/default.conf:ro" nginx:stable nginx -t`,
            expected: 'nginx reports “syntax is ok” and “test is successful”.',
          };
    case 'toml':
      return { command: `python3 -c "import tomllib; tomllib.load(open('${fileName}', 'rb'))"`, expected: 'No output: the file parses.' };
    default:
      return null;
  }
}

const API_GROUPS: Record<string, string> = {
  deployment: 'deployment.apps', statefulset: 'statefulset.apps', daemonset: 'daemonset.apps', replicaset: 'replicaset.apps',
  job: 'job.batch', cronjob: 'cronjob.batch', ingress: 'ingress.networking.k8s.io', networkpolicy: 'networkpolicy.networking.k8s.io',
  horizontalpodautoscaler: 'horizontalpodautoscaler.autoscaling',
};

export function kubernetesObjects(code: string): string[] {
  const objects: string[] = [];
  for (const doc of code.split(/^---\s*$/m)) {
    const kind = /^kind\s*:\s*["']?(\w+)/m.exec(doc)?.[1];
    const name = /^metadata\s*:\s*\n(?:\s+.*\n)*?\s+name\s*:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
    if (kind && name) objects.push(`${own(API_GROUPS, kind.toLowerCase()) ?? kind.toLowerCase()}/${name}`);
  }
  return objects;
}

export function sqlStatements(code: string): string[] {
  const seen: string[] = [];
  for (const match of code.matchAll(/^\s*(create(?:\s+unique)?\s+(?:table|index|view|extension|schema|type|function)|alter\s+table|insert|update|delete|grant)\b/gim)) {
    const word = match[1]!.toUpperCase().replace(/\s+/g, ' ').replace(/^CREATE UNIQUE INDEX$/, 'CREATE INDEX').replace(/^INSERT$/, 'INSERT 0 1');
    if (!seen.includes(word)) seen.push(word);
  }
  return seen;
}
