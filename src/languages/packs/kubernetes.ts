/** Kubernetes manifests: YAML documents with `apiVersion` and `kind`. */

import type { LanguagePack } from '../pack.js';
import { own } from '../own.js';
import { yamlBonus } from '../snippet-facts.js';
import { listing } from '../starter-kit.js';

export const kubernetes: LanguagePack = {
  kind: 'kubernetes',
  language: 'yaml',
  score: yamlBonus(8, ({ topKeys }) => topKeys.has('apiVersion') && topKeys.has('kind')),
  fileName: (_text, facts) => {
    const { topKeys, kinds } = facts().yaml;
    // `kind: Deployment  # the web front end`: the comment is no part of the kind.
    const kind = kinds[0]?.replace(/\s+#.*/, '').replace(/["']/g, '');
    return topKeys.has('apiVersion') && kind && /^\w+$/.test(kind) ? `${kind.toLowerCase()}.yaml` : null;
  },
  matches: (_fileName, text) => /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text),
  lab: {
    label: 'Kubernetes manifest',
    steps: ['Make sure the selector matches the labels of the pod template.'],
    mistakes: ['A selector that does not match the pod template labels', 'Wrong `apiVersion` for the kind'],
    watch: ['kubectl reads its context even for a client-side dry run: check that learners have a working kubeconfig before class.'],
    check: (fileName, text) => {
      const created = kubernetesObjects(text).map((o) => `\`${o} created (dry run)\``);
      return {
        command: `kubectl apply --dry-run=client -f ${fileName}`,
        expected: created.length > 0 ? `kubectl prints ${created.join(', ')}.` : 'kubectl reports each object as created (dry run).',
      };
    },
    summary: (source) => {
      const kinds = [...source.matchAll(/^kind\s*:\s*["']?(\w+)/gm)].map((m) => m[1]!);
      const replicas = /^\s+replicas\s*:\s*(\d+)/m.exec(source)?.[1];
      if (kinds.length === 0) return null;
      return `declares ${listing(kinds.map((k) => `a ${k}`))}${replicas ? ` with ${replicas} replicas` : ''}`;
    },
  },
};

const API_GROUPS: Record<string, string> = {
  deployment: 'deployment.apps', statefulset: 'statefulset.apps', daemonset: 'daemonset.apps', replicaset: 'replicaset.apps',
  job: 'job.batch', cronjob: 'cronjob.batch', ingress: 'ingress.networking.k8s.io', networkpolicy: 'networkpolicy.networking.k8s.io',
  horizontalpodautoscaler: 'horizontalpodautoscaler.autoscaling',
};

/** The objects a manifest declares as kubectl names them (`deployment.apps/web`). */
export function kubernetesObjects(text: string): string[] {
  const objects: string[] = [];
  // A document starts at `---`, which may carry a comment (`--- # the database`).
  for (const doc of text.split(/^---(?!\S)/m)) {
    const kind = /^kind\s*:\s*["']?(\w+)/m.exec(doc)?.[1];
    const name = /^metadata\s*:\s*\n(?:\s.*\n)*?\s+name\s*:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
    if (kind && name) objects.push(`${own(API_GROUPS, kind.toLowerCase()) ?? kind.toLowerCase()}/${name}`);
  }
  return objects;
}
