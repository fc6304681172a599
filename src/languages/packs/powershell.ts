/** PowerShell scripts: typed at a prompt or saved as `script.ps1`; never a lab task. */

import type { LanguagePack } from '../pack.js';

export const powershell: LanguagePack = {
  kind: 'powershell',
  aliases: ['ps1', 'pwsh', 'posh'],
  signals: [
    {
      lang: 'powershell',
      re: /\b(?:Get|Set|New|Remove|Write|Start|Stop|Invoke|Import|Install|Test|Add|Out|Select|Where|ForEach|Copy|Move)-[A-Z]\w+/,
      weight: 3,
      cap: 9,
    },
    { lang: 'powershell', re: /\$_\b|\$PSVersionTable|\$env:/, weight: 2, cap: 4 },
  ],
  // PowerShell shares many command names with bash: a bash-looking block is fine under a powershell label.
  lintAccepts: ['bash'],
  extensions: ['ps1'],
  fileName: () => 'script.ps1',
  typed: true,
};
