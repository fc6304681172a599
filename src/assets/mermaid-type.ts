/** Mermaid's own name for a diagram's kind (provisional; the assets helper replaces this). */
export function diagramType(code: string): string {
  const line = code.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('%%')) ?? '';
  const word = line.split(/\s+/)[0] ?? '';
  if (/^(graph|flowchart)/.test(word)) return 'flowchart';
  if (word === 'sequenceDiagram') return 'sequence';
  return word || 'unknown';
}
