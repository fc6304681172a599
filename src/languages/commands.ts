/** Command words of shell lines and the tool each needs. */

/** Commands at the start of a shell line (or in inline code), and the tool each needs. */
export const COMMAND_TOOLS: Array<[RegExp, string]> = [
  [/^docker[ -]compose\b/, 'Docker with Compose v2'],
  [/^docker\b/, 'Docker'],
  [/^kubectl\b/, 'kubectl'],
  [/^helm\b/, 'Helm'],
  [/^minikube\b/, 'minikube'],
  [/^kind\s/, 'kind'],
  [/^python3?\b|^pip3?\b|^uvicorn\b|^flask\b/, 'Python 3'],
  [/^(?:node|npm|npx|yarn|pnpm)\b/, 'Node.js'],
  [/^curl\b/, 'curl'],
  [/^http\s|^httpie\b/, 'HTTPie'],
  [/^jq\b/, 'jq'],
  [/^openssl\b/, 'OpenSSL'],
  [/^git\b/, 'Git'],
  [/^terraform\b/, 'Terraform'],
  [/^ansible/, 'Ansible'],
  [/^psql\b/, 'PostgreSQL client (psql) and a scratch database'],
  [/^sqlite3\b/, 'SQLite'],
  [/^aws\b/, 'AWS CLI'],
  [/^gcloud\b/, 'Google Cloud CLI'],
  [/^az\b/, 'Azure CLI'],
  [/^ssh\b/, 'SSH client'],
  [/^make\b/, 'make'],
  [/^go\s/, 'Go'],
  [/^cargo\b/, 'Rust (cargo)'],
  [/^nginx\b/, 'nginx'],
];

/** The tool a command line needs, if it is one we know. */
export function commandTool(command: string): string | undefined {
  return COMMAND_TOOLS.find(([pattern]) => pattern.test(command))?.[1];
}
