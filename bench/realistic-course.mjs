// The bench's course, shaped like a real public one (issue 11): 78 lesson plans in 10 modules, each
// module with a README overview (a table of its lessons, links to the lecture notes), 48 lecture-notes
// files under `lectures/` that lessons link as "Detailed Content", lessons of 150–400 lines and notes
// of 300–700 lines with code in several languages, 64 Mermaid diagrams in all, and the untidiness real
// courses have: a few duplicate sections and a few mislabelled fences. `scale` shrinks every count
// (0.1 gives one module of 8 lessons) for smoke runs; the same scale always gives the same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The full-size course, as measured in issue 11. */
export const FULL = { lessons: 78, modules: 10, notes: 48, diagrams: 64 };

/** mulberry32: a small seeded generator, so every run writes the same course. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Containers', 'Networking', 'Storage', 'Security', 'Observability', 'Databases', 'Messaging', 'Caching', 'Pipelines', 'Scaling', 'Identity', 'Testing'];
const ASPECTS = ['Fundamentals', 'Architecture', 'Configuration', 'Operations', 'Troubleshooting', 'Patterns', 'Automation', 'Hardening'];

/** Code examples in several languages; `mislabel` gives the fence a language its content is not. */
const CODE = [
  ['yaml', (k) => `services:\n  web${k}:\n    image: nginx:1.27\n    ports:\n      - "80${k % 10}:80"\n    environment:\n      - MODE=production\n    depends_on:\n      - db${k}\n  db${k}:\n    image: postgres:16`],
  ['python', (k) => `import json\n\n\ndef load_settings(path):\n    """Read settings number ${k} from a JSON file."""\n    with open(path) as handle:\n        data = json.load(handle)\n    return {key: value for key, value in data.items() if value is not None}\n\n\nif __name__ == "__main__":\n    print(load_settings("settings-${k}.json"))`],
  ['bash', (k) => `#!/usr/bin/env bash\nset -euo pipefail\nfor host in app-${k}-a app-${k}-b; do\n  echo "checking $host"\n  curl --fail --silent "http://$host/health" || echo "$host is down"\ndone`],
  ['sql', (k) => `CREATE TABLE orders_${k} (\n  id SERIAL PRIMARY KEY,\n  customer_id INTEGER NOT NULL REFERENCES customers(id),\n  total NUMERIC(10, 2) CHECK (total >= 0),\n  created_at TIMESTAMP DEFAULT now()\n);\nCREATE INDEX orders_${k}_customer ON orders_${k} (customer_id);`],
  ['javascript', (k) => `import express from 'express';\n\nconst app = express();\napp.get('/items/${k}', async (req, res) => {\n  const items = await store.list({ limit: Number(req.query.limit ?? 20) });\n  res.json({ items, count: items.length });\n});\napp.listen(3000, () => console.log('listening on 3000'));`],
  ['dockerfile', (k) => `FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nENV SERVICE_ID=${k}\nEXPOSE 8000\nCMD ["python", "app.py"]`],
  ['json', (k) => `{\n  "name": "service-${k}",\n  "replicas": ${(k % 4) + 1},\n  "limits": { "cpu": "500m", "memory": "256Mi" },\n  "probes": ["/health", "/ready"]\n}`],
];

function codeBlock(k, mislabel = false) {
  const [language, body] = CODE[k % CODE.length];
  // A mislabelled fence: the label of the next language over, the content of this one.
  const label = mislabel ? CODE[(k + 1) % CODE.length][0] : language;
  return ['```' + label, ...body(k).split('\n'), '```'];
}

/** A distinct diagram; the kinds vary as they do in real notes. */
function diagram(id) {
  const kind = id % 3;
  if (kind === 0) {
    return ['```mermaid', `graph ${id % 2 ? 'LR' : 'TD'}`, `    A[Client ${id}] --> B[Gateway ${id}]`, `    B --> C[Service ${id}]`, `    B --> D[Cache ${id}]`, `    C --> E[(Database ${id})]`, `    D --> E`, '```'];
  }
  if (kind === 1) {
    return ['```mermaid', 'sequenceDiagram', `    participant U as User ${id}`, `    participant A as API ${id}`, `    participant S as Store ${id}`, '    U->>A: request', '    A->>S: query', '    S-->>A: rows', '    A-->>U: response', '```'];
  }
  return ['```mermaid', 'flowchart TD', `    S([Start ${id}]) --> C{Healthy ${id}?}`, '    C -->|yes| R[Route traffic]', '    C -->|no| F[Fail over]', '    F --> N[Notify on-call]', '    R --> E([Done])', '    N --> E', '```'];
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** How many of `total` go to each of `count` slots, as evenly as possible (first slots first). */
function spread(total, count) {
  return Array.from({ length: count }, (_, i) => Math.floor((total * (i + 1)) / count) - Math.floor((total * i) / count));
}

/** Lines of nested-bullet concepts under one heading. */
function concepts(title, n) {
  const lines = [`### ${title}`];
  for (let group = 1; group <= 3; group++) {
    lines.push(`- ${title} part ${group}`);
    for (let item = 1; item <= 4; item++) lines.push(`  - Point ${n}.${group}.${item} about ${title.toLowerCase()}`);
  }
  lines.push('');
  return lines;
}

function lessonText(plan, rand) {
  const { module, number, title, file, notes, previous, next, diagrams, duplicate, mislabel, target } = plan;
  const lines = [`# Lesson ${module}.${number}: ${title}`, '', '## Navigation', '- [← Back to Module Overview](./README.md)'];
  if (previous) lines.push(`- [Previous Lesson ←](./${previous})`);
  if (next) lines.push(`- [Next Lesson →](./${next})`);
  if (notes) lines.push(`- [Detailed Content →](./lectures/${notes})`);
  lines.push('', '## Learning Objectives');
  for (const verb of ['Explain', 'Configure', 'Compare', 'Troubleshoot']) lines.push(`- ${verb} ${title.toLowerCase()} in a production setting`);
  lines.push('', '## Key Concepts', '');
  // Concepts fill the lesson to its length; the sections below take about 60 lines plus their code.
  const fixed = 75 + diagrams * 10;
  for (let n = 1; lines.length < target - fixed; n++) lines.push(...concepts(`${title} Concept ${n}`, n));
  if (diagrams > 0) {
    lines.push('## Architecture Diagrams', '');
    for (let d = 0; d < diagrams; d++) lines.push(`### Flow ${d + 1}`, ...diagram(plan.diagramIds[d]), '');
  }
  lines.push('## Configuration Examples', '');
  for (let c = 0; c < 3; c++) {
    const k = module * 100 + number * 3 + c;
    lines.push(`### Example ${c + 1}`, ...codeBlock(k, mislabel && c === 1), '');
  }
  lines.push('## Hands-on Exercises', '');
  for (let e = 1; e <= 2; e++) {
    lines.push(`### Exercise ${e}: Practise ${title} ${e}`, `Work through this task on the lab machine (${10 + Math.floor(rand() * 20)} minutes).`, '');
    for (let step = 1; step <= 4; step++) lines.push(`${step}. Step ${step} of exercise ${e}`);
    lines.push('');
  }
  // A duplicate section, as real lessons have after copy and paste.
  if (duplicate) lines.push('## Key Concepts', '', ...concepts(`${title} Concept 1`, 1));
  lines.push('## Common Pitfalls', '- Forgetting to pin versions', '- Skipping the health checks', '- Running as root', '');
  lines.push('## Additional Resources', '- [Reference documentation](https://example.org/docs)', '- [Worked examples](https://example.org/examples)', '');
  lines.push('## Summary', `This lesson covered ${title.toLowerCase()}.`, '');
  return `${lines.join('\n')}\n`;
}

function notesText(plan, rand) {
  const { title, file, diagramIds, target, module, number } = plan;
  const lines = [`# Lecture Notes: ${title}`, '', '## Navigation', `- [Back to Lesson Plan](../${file})`, '', '## Introduction', ''];
  lines.push(`These notes go deeper into ${title.toLowerCase()} than the lesson plan. Read them before the session.`, '');
  lines.push('| Option | Strength | Weakness |', '| --- | --- | --- |');
  for (let row = 1; row <= 4; row++) lines.push(`| Option ${row} | Quick to set up | Needs tuning at scale ${row} |`);
  lines.push('');
  let section = 0;
  let drawn = 0;
  while (lines.length < target) {
    section++;
    lines.push(`## Part ${section}: ${ASPECTS[section % ASPECTS.length]}`, '');
    for (let p = 0; p < 3; p++) {
      lines.push(`Paragraph ${p + 1} of part ${section} explains how ${title.toLowerCase()} behaves under load, what`, 'an operator watches for, and which trade-offs the defaults make for the common case.', '');
    }
    lines.push(...codeBlock(module * 1000 + number * 10 + section, false), '');
    if (drawn < diagramIds.length && (section % 2 === 1 || lines.length > target - 60)) {
      lines.push(`### Diagram ${drawn + 1}`, ...diagram(diagramIds[drawn]), '');
      drawn++;
    }
    lines.push(`- Key point ${section}.1`, `- Key point ${section}.2 (${Math.floor(rand() * 90) + 10} % of incidents)`, '');
  }
  while (drawn < diagramIds.length) lines.push(`### Diagram ${drawn + 1}`, ...diagram(diagramIds[drawn++]), '');
  return `${lines.join('\n')}\n`;
}

function readmeText(module, title, plans) {
  const lines = [`# Module ${module}: ${title}`, '', `This module covers ${title.toLowerCase()} from first principles to production practice.`, '', '## Lessons', ''];
  lines.push('| Lesson | Topic | Detailed Content | Duration |', '| --- | --- | --- | --- |');
  for (const plan of plans) {
    const notes = plan.notes ? `[Notes](./lectures/${plan.notes})` : '—';
    lines.push(`| [${plan.module}.${plan.number}](./${plan.file}) | ${plan.title} | ${notes} | ${45 + (plan.number % 3) * 5} minutes |`);
  }
  lines.push('', '## Prerequisites', '- A Unix shell and a text editor', '- Basic programming in Python or JavaScript', '');
  lines.push('## Module Outcomes', `- Run ${title.toLowerCase()} with confidence`, '- Diagnose the common failures', '');
  return `${lines.join('\n')}\n`;
}

/** Counts for a scale: every count at least 1, notes and modules never more than lessons. */
export function countsFor(scale = 1) {
  const lessons = Math.max(2, Math.round(FULL.lessons * scale));
  const modules = Math.min(lessons, Math.max(1, Math.round(FULL.modules * scale)));
  const notes = Math.min(lessons, Math.max(1, Math.round(FULL.notes * scale)));
  const diagrams = Math.max(1, Math.round(FULL.diagrams * scale));
  return { lessons, modules, notes, diagrams };
}

/**
 * Writes the course into `dir` (module-1 … module-N). Returns the counts and the paths the bench
 * edits: lessons, notes and READMEs, relative to `dir`.
 */
export function generateRealisticCourse(dir, scale = 1) {
  const counts = countsFor(scale);
  const rand = random(11);
  const perModule = spread(counts.lessons, counts.modules);
  // Which lessons have notes (spread evenly), and how the diagrams divide: three in four in notes.
  const hasNotes = spread(counts.notes, counts.lessons).map(Boolean);
  const notesDiagrams = Math.min(counts.diagrams, Math.round(counts.diagrams * 0.75));
  const perNotes = spread(notesDiagrams, counts.notes);
  const perLesson = spread(counts.diagrams - notesDiagrams, counts.lessons);
  const result = { ...counts, readmes: 0, lessonFiles: [], notesFiles: [], readmeFiles: [], lessonLines: [], notesLines: [], mermaid: 0 };
  let index = 0;
  let notesIndex = 0;
  let diagramId = 0;
  for (let m = 1; m <= counts.modules; m++) {
    const moduleTitle = `${TOPICS[(m - 1) % TOPICS.length]} in Practice`;
    const moduleDir = join(dir, `module-${m}`);
    mkdirSync(moduleDir, { recursive: true });
    const plans = [];
    for (let n = 1; n <= perModule[m - 1]; n++, index++) {
      const title = `${TOPICS[(m + n) % TOPICS.length]} ${ASPECTS[(index + n) % ASPECTS.length]}`;
      const file = `${m}.${n}-${slug(title)}.md`;
      const notes = hasNotes[index] ? `${m}.${n}-${slug(title)}-notes.md` : null;
      const lessonDiagrams = perLesson[index];
      const notesDiagramCount = notes ? perNotes[notesIndex++] : 0;
      plans.push({
        module: m,
        number: n,
        title,
        file,
        notes,
        diagrams: lessonDiagrams,
        diagramIds: Array.from({ length: lessonDiagrams }, () => diagramId++),
        notesDiagramIds: Array.from({ length: notesDiagramCount }, () => diagramId++),
        duplicate: index % 13 === 5,
        mislabel: index % 11 === 3,
        // Aimed inside the ranges: concepts and parts fill in steps of 10–30 lines.
        target: 158 + Math.floor(rand() * 227),
        notesTarget: 305 + Math.floor(rand() * 382),
      });
    }
    plans.forEach((plan, i) => {
      plan.previous = plans[i - 1]?.file ?? null;
      plan.next = plans[i + 1]?.file ?? null;
      const text = lessonText(plan, rand);
      writeFileSync(join(moduleDir, plan.file), text);
      result.lessonFiles.push(`module-${m}/${plan.file}`);
      result.lessonLines.push(text.split('\n').length - 1);
      result.mermaid += plan.diagrams;
      if (plan.notes) {
        const notes = notesText({ ...plan, diagramIds: plan.notesDiagramIds, target: plan.notesTarget }, rand);
        mkdirSync(join(moduleDir, 'lectures'), { recursive: true });
        writeFileSync(join(moduleDir, 'lectures', plan.notes), notes);
        result.notesFiles.push(`module-${m}/lectures/${plan.notes}`);
        result.notesLines.push(notes.split('\n').length - 1);
        result.mermaid += plan.notesDiagramIds.length;
      }
    });
    writeFileSync(join(moduleDir, 'README.md'), readmeText(m, moduleTitle, plans));
    result.readmeFiles.push(`module-${m}/README.md`);
    result.readmes++;
  }
  return result;
}
