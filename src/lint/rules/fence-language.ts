/**
 * `fence-language`: a code fence's label drives highlighting and the lab's copy buttons, so it has
 * to say what the code is.
 *
 * - labelled, and the detector recognises something else → warning ("fenced as yaml, looks like dockerfile");
 * - unlabelled, and the detector recognises it → warning ("label it ```bash");
 * - unlabelled, and the detector cannot tell → info (a hint to label it, e.g. ```text);
 * - labelled, and the detector cannot tell → nothing: not recognising code is no evidence the label is wrong;
 * - `text`, `output`, `console` and similar labels mark deliberate non-code and are never questioned.
 */
import type { Rule } from '../rule.js';
import { report } from '../rule.js';
import { placeAtLine } from '../util.js';
import { lintAccepted } from '../../languages/index.js';

const plainLabels = new Set([
  'text', 'txt', 'plain', 'plaintext', 'output', 'out', 'result', 'stdout', 'stderr', 'error', 'warning', 'log', 'console',
  'shell-session', 'none', 'nohighlight',
]);

export const fenceLanguage: Rule = {
  id: 'fence-language',
  severity: 'warning',
  run(ctx) {
    for (const example of ctx.lesson.examples) {
      const declared = example.declaredLanguage?.toLowerCase() ?? null;
      const detected = example.language?.toLowerCase() ?? null;
      if (declared !== null && plainLabels.has(declared)) continue;
      const place = placeAtLine(ctx.tree, example.line, ['code']);
      if (declared === null) {
        if (detected === null || plainLabels.has(detected)) {
          report(ctx, fenceLanguage, 'Code fence has no language; label it (```text for plain output)', place, 'info');
        } else {
          report(ctx, fenceLanguage, `Code fence has no language; it looks like ${detected} — label it \`\`\`${detected}`, place);
        }
        continue;
      }
      // The label's pack says which other languages it is right for (TypeScript covers JavaScript, JSON is YAML).
      if (detected === null || detected === declared || lintAccepted(declared).includes(detected)) continue;
      report(ctx, fenceLanguage, `Code fenced as "${declared}" looks like ${detected}; label the fence \`\`\`${detected}`, place);
    }
  },
};
