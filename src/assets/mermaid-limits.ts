/**
 * Mermaid's own size limits, said in the author's terms. Mermaid refuses a diagram with too many
 * edges with advice for programmers ("Initialize mermaid with maxEdges …"), which a lesson author
 * cannot follow: such a diagram is not a syntax error but too large, and the fix is to split it.
 */
const EDGE_LIMIT = /Edge limit exceeded\. \d+ edges found, but the limit is (\d+)/;

/** The `diagram-too-large` reason for Mermaid's error, or null when the error is about something else. */
export function tooLargeReason(title: string, error: string): string | null {
  const edges = EDGE_LIMIT.exec(error);
  if (!edges) return null;
  const limit = Number(edges[1]).toLocaleString('en');
  return `Diagram "${title}" has more than ${limit} connections, the most Mermaid draws in one diagram; split it into smaller diagrams`;
}
