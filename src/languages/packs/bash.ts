/** Shell scripts (`bash`, `sh`, `zsh`): typed at a prompt or saved as `script.sh`; never a lab task. */

import type { LanguagePack } from '../pack.js';

/** Commands that start a shell line (`sudo` allowed in front). */
const SHELL_COMMANDS = [
  'apt-get', 'apt', 'yum', 'dnf', 'apk', 'brew', 'snap', 'pacman', 'docker', 'docker-compose', 'podman',
  'kubectl', 'helm', 'minikube', 'kind', 'k3d', 'curl', 'wget', 'ls', 'cd', 'echo', 'mkdir', 'rm', 'rmdir',
  'cp', 'mv', 'cat', 'chmod', 'chown', 'touch', 'grep', 'find', 'tar', 'unzip', 'zip', 'gzip', 'ssh', 'scp',
  'rsync', 'git', 'npm', 'npx', 'yarn', 'pnpm', 'pip', 'pip3', 'pipx', 'python', 'python3', 'node', 'deno',
  'conda', 'virtualenv', 'poetry', 'uv', 'systemctl', 'service', 'journalctl', 'sudo', 'su', 'which',
  'whoami', 'pwd', 'head', 'tail', 'less', 'more', 'wc', 'awk', 'sed', 'xargs', 'tee', 'sort', 'uniq',
  'printf', 'nano', 'vim', 'vi', 'ping', 'nslookup', 'dig', 'netstat', 'lsof', 'ps', 'kill', 'killall',
  'df', 'du', 'uname', 'ln', 'openssl', 'base64', 'jq', 'make', 'cmake', 'gcc', 'g++', 'clang', 'javac',
  'mvn', 'gradle', 'cargo', 'rustc', 'gem', 'bundle', 'rails', 'pytest', 'uvicorn', 'gunicorn', 'flask',
  'psql', 'redis-cli', 'mongosh', 'aws', 'gcloud', 'az', 'terraform', 'ansible', 'ansible-playbook',
  'vagrant', 'packer', 'nohup', 'crontab', 'useradd', 'usermod', 'passwd', 'hostname', 'ifconfig', 'ip',
  'env', 'alias', 'unset', 'sleep', 'exit', 'history', 'clear', 'chsh', 'source', 'eval', 'exec', 'time',
  'watch', 'htop', 'top', 'free', 'mount', 'umount', 'fdisk', 'mkfs', 'lsblk', 'ssh-keygen', 'gpg',
  'go', 'java', 'dotnet', 'code', 'open', 'xdg-open', 'ufw', 'iptables', 'firewall-cmd', 'certbot', 'nginx',
];
const escapeRe = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A command followed by nothing, or by an argument that is not `=`, `:` or `(` (an assignment or call). */
const SHELL_COMMAND_LINE = new RegExp(
  `^(?:sudo\\s+)?(?:${SHELL_COMMANDS.map(escapeRe).join('|')})(?:\\s+(?![=:(])\\S.*)?$`,
);

export const bash: LanguagePack = {
  kind: 'bash',
  aliases: ['sh', 'shell', 'zsh', 'ksh', 'shellscript', 'shell-script'],
  signals: [
    { lang: 'bash', re: SHELL_COMMAND_LINE, weight: 2 },
    { lang: 'bash', re: /^(?:for|while|until)\s.*;\s*do$/, weight: 3 },
    { lang: 'bash', re: /^(?:do|done|fi|esac|then)(?:\s*[;|&>].*)?$/, weight: 3 },
    { lang: 'bash', re: /^(?:el)?if\s+\[\[?\s/, weight: 3 },
    { lang: 'bash', re: /;\s*then$/, weight: 2 },
    { lang: 'bash', re: /^case\s.*\sin$/, weight: 2 },
    { lang: 'bash', re: /^export\s+[A-Za-z_]\w*=/, weight: 3 },
    { lang: 'bash', re: /^(?:set\s+[-+][euxo]|\.\s+\S+)/, weight: 3 },
    { lang: 'bash', re: /^function\s+[\w-]+\s*\{$/, weight: 3 },
    { lang: 'bash', re: /^[A-Za-z_]\w*=(?:"[^"]*"|'[^']*'|\S*)$/, weight: 0.5, cap: 1.5 },
    { lang: 'bash', re: /\|\s*(?:grep|awk|sed|sort|uniq|head|tail|xargs|wc|tee|jq|cut|tr|less|bash|sh)\b/, weight: 2, cap: 6 },
    { lang: 'bash', re: /\$\(/, weight: 1, cap: 3 },
    { lang: 'bash', re: /\$\{?[A-Z_][A-Z0-9_]+\b/, weight: 0.5, cap: 2 },
    { lang: 'bash', re: /2>&1|>\s*\/dev\/null|&>/, weight: 2, cap: 4 },
    { lang: 'bash', re: /\s&&\s/, weight: 0.5, cap: 1 },
  ],
  extensions: ['sh', 'bash', 'env'],
  // A terminal transcript (`$ cmd` prompts) is typed, not saved.
  fileName: (_code, facts) => (facts().prompts > 0 ? null : 'script.sh'),
  typed: true,
};
