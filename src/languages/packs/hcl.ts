/** Terraform configuration (HCL). */

import type { LanguagePack } from '../pack.js';
import { braceStarter } from '../brace-starter.js';
import { code, listing } from '../starter-kit.js';

export const hcl: LanguagePack = {
  kind: 'hcl',
  aliases: ['tf', 'tfvars', 'terraform'],
  signals: [
    { lang: 'hcl', re: /^(?:resource|data)\s+"[\w-]+"\s+"[\w-]+"\s*\{/, weight: 5 },
    { lang: 'hcl', re: /^(?:provider|variable|output|module)\s+"[\w-]+"\s*\{/, weight: 4 },
    { lang: 'hcl', re: /^terraform\s*\{/, weight: 5 },
    { lang: 'hcl', re: /^(?:locals|required_providers|backend\s+"\w+")\s*\{/, weight: 3 },
    { lang: 'hcl', re: /\b(?:var|local|module|data)\.[\w-]+/, weight: 1, cap: 3 },
    { lang: 'hcl', re: /^[\w-]+\s*=\s*(?:"[^"]*"|\d+|true|false|\[.*|\{|[\w.]+)$/, weight: 0.3, cap: 1.5 },
  ],
  extensions: ['tf', 'tfvars', 'hcl'],
  fileName: (text) => {
    const blocks = [...text.matchAll(/^\s*(resource|data|provider|variable|output|module|terraform|locals)\b/gm)].map((m) => m[1]);
    if (blocks.length > 0 && blocks.every((b) => b === 'variable')) return 'variables.tf';
    if (blocks.length > 0 && blocks.every((b) => b === 'output')) return 'outputs.tf';
    return 'main.tf';
  },
  starter: (text) => braceStarter(text, 'hcl'),
  role: 'config',
  lab: {
    label: 'Terraform configuration',
    steps: ['Fill in each block\'s arguments; keep one resource per block.'],
    mistakes: ['Forgetting `terraform init` before `terraform validate`'],
    watch: ['`terraform init` downloads providers: run it before class, or use `-backend=false` on a machine that has them cached.'],
    check: () => ({ command: 'terraform init -backend=false && terraform validate', expected: 'Terraform prints “Success! The configuration is valid.”' }),
    summary: (source) => {
      const resources = [...source.matchAll(/^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/gm)].map((m) => code(`${m[1]}.${m[2]}`));
      return resources.length > 0 ? `declares ${listing(resources)}` : null;
    },
  },
};
