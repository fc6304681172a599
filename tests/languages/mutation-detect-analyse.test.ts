// What the detector's single pass (`analyse`, src/languages/detect.ts) reads from typical lesson
// snippets: the per-language scores and the structure facts the packs' scorers see. Each snippet is
// written out whole, so a change to how a line is skipped (comment, heredoc body, continued line,
// YAML block scalar, TOML array), counted or scored shows here, before it shifts some detection
// elsewhere (README › Mutation testing).
import { describe, expect, it } from 'vitest';
import { analyse, sampleLines } from '../../src/languages/detect.js';
import { lines, read } from './mutation-detect-helpers.js';

describe('YAML block scalars: the body is YAML text, the keys after it are read again', () => {
  it('a workflow step with `run: |`, a blank line inside, and a sibling key after', () => {
    const workflow = lines(
      'name: CI',
      'on: [push]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - name: Install and test',
      '        run: |',
      '          npm ci',
      '',
      '          npm test',
      '        env:',
      '          CI: true',
      '      - name: Upload coverage',
      '        with:',
      '          path: coverage/',
    );
    expect(read(workflow)).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 16,
          "yaml": {
            "lines": 16,
            "nestedKeys": [
              "test",
              "runs-on",
              "steps",
              "uses",
              "name",
              "run",
              "env",
              "CI",
              "with",
              "path",
            ],
            "topKeys": [
              "name",
              "on",
              "jobs",
            ],
          },
        },
        "scores": {
          "yaml": 20,
        },
      }
    `);
  });

  it('a top-level folded scalar (`description: >`) in a site configuration', () => {
    const config = lines(
      'title: Containers 101',
      'description: >',
      '  A hands-on course on containers',
      '  for beginners.',
      'baseurl: ""',
    );
    expect(read(config)).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 5,
          "yaml": {
            "lines": 5,
            "topKeys": [
              "title",
              "description",
              "baseurl",
            ],
          },
        },
        "scores": {
          "yaml": 5,
        },
      }
    `);
  });

  it('trailing spaces after `|` still open a block scalar', () => {
    expect(read('script: |  \n  make test\n  make lint\nstage: test')).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 4,
          "yaml": {
            "lines": 4,
            "topKeys": [
              "script",
              "stage",
            ],
          },
        },
        "scores": {
          "yaml": 4,
        },
      }
    `);
  });
});

describe('heredocs: the body belongs to another file', () => {
  it('a shell script writing a Python file', () => {
    const script = lines(
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      "cat <<'EOF' > app.py",
      'import sys',
      'print(sys.argv)',
      'EOF',
      'python3 app.py "$@"  # pass the arguments on',
    );
    expect(read(script)).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 3,
        },
        "scores": {
          "bash": 15,
        },
      }
    `);
  });

  it('a terminal session writing a YAML file', () => {
    const session = lines(
      '$ cat <<EOF > config.yaml',
      'name: demo',
      'replicas: 2',
      'EOF',
      '$ kubectl apply -f config.yaml',
    );
    expect(read(session)).toMatchInlineSnapshot(`
      {
        "facts": {
          "prompts": 2,
          "significant": 2,
        },
        "scores": {
          "bash": 6,
        },
      }
    `);
  });

  it('a Dockerfile `RUN <<EOF` heredoc is no shell heredoc: its body is read', () => {
    const dockerfile = lines(
      '# syntax=docker/dockerfile:1',
      'FROM alpine:3.20',
      'RUN <<EOF',
      'apk add --no-cache curl',
      'EOF',
      'CMD ["sh"]',
    );
    expect(read(dockerfile)).toMatchInlineSnapshot(`
      {
        "facts": {
          "docker": {
            "kinds": [
              "FROM",
              "RUN",
              "CMD",
            ],
            "lines": 3,
          },
          "significant": 5,
        },
        "scores": {
          "bash": 2,
          "dockerfile": 12,
        },
      }
    `);
  });
});

describe('Dockerfiles: directives, comments and continued lines', () => {
  it('a parser directive, a bare `#`, and a RUN continued over three lines', () => {
    const dockerfile = lines(
      '# syntax=docker/dockerfile:1',
      'FROM python:3.12-slim',
      '#',
      'WORKDIR /app',
      'RUN apt-get update \\',
      '    && apt-get install -y --no-install-recommends curl \\',
      '    && rm -rf /var/lib/apt/lists/*',
      'COPY . .',
      'CMD ["python", "app.py"]',
    );
    expect(read(dockerfile)).toMatchInlineSnapshot(`
      {
        "facts": {
          "docker": {
            "kinds": [
              "FROM",
              "WORKDIR",
              "RUN",
              "COPY",
              "CMD",
            ],
            "lines": 5,
          },
          "significant": 5,
        },
        "scores": {
          "dockerfile": 18,
        },
      }
    `);
  });

  it('a directive written without a space (`#escape=`)', () => {
    expect(read('#escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir c:\\')).toMatchInlineSnapshot(`
      {
        "facts": {
          "docker": {
            "kinds": [
              "FROM",
              "RUN",
            ],
            "lines": 2,
          },
          "significant": 2,
        },
        "scores": {
          "dockerfile": 9,
        },
      }
    `);
  });

  it('a Python script that writes a parser directive is scored as Python', () => {
    const python = lines('with open("Dockerfile", "w") as f:', '    f.write("# syntax=docker/dockerfile:1\\n")');
    expect(read(python)).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 2,
        },
        "scores": {
          "python": 1,
        },
      }
    `);
  });
});

describe('comments of C-like languages, SQL and INI', () => {
  it('a Javadoc block is all comment', () => {
    const java = lines(
      '/**',
      ' * Greets the user.',
      ' *',
      ' * @param name who to greet',
      ' */',
      'public static void greet(String name) {',
      '    System.out.println("Hello, " + name);',
      '}',
    );
    expect(read(java)).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 3,
        },
        "scores": {
          "css": 0.5,
          "java": 6,
        },
      }
    `);
  });

  it('SQL: `-- ` and a bare `--` are comments, a trailing `-- …` is not', () => {
    const query = lines(
      '-- Active users',
      '--',
      'SELECT id, name',
      'FROM users',
      'WHERE active = true -- only those who logged in',
      'ORDER BY name;',
    );
    expect(read(query)).toMatchInlineSnapshot(`
      {
        "facts": {
          "docker": {
            "kinds": [
              "FROM",
            ],
            "lines": 1,
          },
          "significant": 4,
        },
        "scores": {
          "sql": 9,
        },
      }
    `);
  });

  it('an INI file with `;` comments and an empty value', () => {
    const ini = lines('; database settings', '[database]', 'host = localhost', 'port = 5432', 'password =', '', '[server.http]', 'timeout = 30s');
    expect(read(ini)).toMatchInlineSnapshot(`
      {
        "facts": {
          "kv": {
            "dottedSections": 1,
            "iniValues": 2,
            "lines": 6,
            "neutral": 2,
            "sections": 2,
          },
          "significant": 6,
        },
        "scores": {
          "hcl": 0.8999999999999999,
          "ini": 6.5,
          "toml": 4,
        },
      }
    `);
  });

  it('an HTML comment is skipped, tags are counted', () => {
    expect(read('<!-- the page header -->\n<header class="top">\n  <h1>Lectern</h1>\n</header>')).toMatchInlineSnapshot(`
      {
        "facts": {
          "markupLines": 3,
          "significant": 3,
        },
        "scores": {
          "html": 4.5,
        },
      }
    `);
  });
});

describe('shebangs count only on the first code line', () => {
  it('sh, Python and Node shebangs; a shebang printed by `cat` adds nothing', () => {
    const scripts = ['#!/bin/sh\necho "hi"', '#!/usr/bin/env python3\nprint("hi")', '#!/usr/bin/env node\nconsole.log("hi");', '$ cat hello.sh\n#!/bin/bash\necho "Hello"'];
    expect(scripts.map((code) => read(code).scores)).toMatchInlineSnapshot(`
      [
        {
          "bash": 8,
        },
        {
          "python": 8,
        },
        {
          "javascript": 9,
        },
        {
          "bash": 5,
        },
      ]
    `);
  });
});

describe('prompts and transcripts', () => {
  it('shell prompts with user, host and path; Python, MySQL, SQLite and PowerShell prompts', () => {
    const transcripts = [
      'student@lab:~/project$ docker ps',
      'pi@raspberrypi $ sudo apt update',
      'student@lab$ ls',
      '$  ls -la',
      '>>> print("hi")\nhi',
      'mysql> SHOW DATABASES;',
      'sqlite> .tables',
      'PS C:\\Users\\ada> Get-ChildItem -Path .',
    ];
    expect(Object.fromEntries(transcripts.map((code) => [code, read(code)]))).toMatchInlineSnapshot(`
      {
        "$  ls -la": {
          "facts": {
            "prompts": 1,
            "significant": 1,
          },
          "scores": {
            "bash": 3,
          },
        },
        ">>> print("hi")
      hi": {
          "facts": {
            "significant": 2,
          },
          "scores": {
            "python": 3,
          },
        },
        "PS C:\\Users\\ada> Get-ChildItem -Path .": {
          "facts": {
            "significant": 1,
          },
          "scores": {
            "powershell": 3,
          },
        },
        "mysql> SHOW DATABASES;": {
          "facts": {
            "significant": 1,
          },
          "scores": {
            "sql": 3,
          },
        },
        "pi@raspberrypi $ sudo apt update": {
          "facts": {
            "prompts": 1,
            "significant": 1,
          },
          "scores": {
            "bash": 3,
          },
        },
        "sqlite> .tables": {
          "facts": {
            "significant": 1,
          },
          "scores": {
            "sql": 3,
          },
        },
        "student@lab$ ls": {
          "facts": {
            "prompts": 1,
            "significant": 1,
          },
          "scores": {
            "bash": 3,
          },
        },
        "student@lab:~/project$ docker ps": {
          "facts": {
            "prompts": 1,
            "significant": 1,
          },
          "scores": {
            "bash": 3,
          },
        },
      }
    `);
  });

  it('a psql session: the prompt, and a result table whose rule is no YAML', () => {
    const session = lines('postgres=# SELECT id, name FROM users;', ' id | name', '----+------', '  1 | Ada', '(1 row)');
    expect(read(session)).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 5,
        },
        "scores": {
          "sql": 3,
        },
      }
    `);
  });

  it('prose naming a prompt, a conflict marker or an arrow function is no prompt', () => {
    const lookalikes = [
      ['prose naming a prompt', 'The prompt ends in $ when you are not root.'],
      ['prose naming the MySQL prompt', 'Type your query at the mysql> prompt.'],
      ['prose naming the PowerShell prompt', 'At the PS C:\\> prompt, type dir.'],
      ['a merge conflict marker', '>>>>>>> feature-branch'],
      ['an arrow function without a space', 'const doubled = items.map(x=> x * 2);'],
    ];
    expect(Object.fromEntries(lookalikes.map(([name, code]) => [name, read(code!)]))).toMatchInlineSnapshot(`
      {
        "a merge conflict marker": {
          "facts": {
            "significant": 1,
          },
          "scores": {},
        },
        "an arrow function without a space": {
          "facts": {
            "significant": 1,
          },
          "scores": {
            "javascript": 3,
          },
        },
        "prose naming a prompt": {
          "facts": {
            "significant": 1,
          },
          "scores": {},
        },
        "prose naming the MySQL prompt": {
          "facts": {
            "significant": 1,
          },
          "scores": {},
        },
        "prose naming the PowerShell prompt": {
          "facts": {
            "significant": 1,
          },
          "scores": {},
        },
      }
    `);
  });
});

describe('SQL COPY is no Dockerfile instruction', () => {
  it('counts no Dockerfile line', () => {
    expect(read("COPY users FROM '/tmp/users.csv' WITH (FORMAT csv);")).toMatchInlineSnapshot(`
      {
        "facts": {
          "significant": 1,
        },
        "scores": {
          "sql": 3,
        },
      }
    `);
  });
});

describe('YAML keys, and lines that only look like keys', () => {
  it('keys of YAML, JSON and Ansible; code lines ending like code are no keys', () => {
    const snippets = [
      ['a Python else', 'if ready:\n    start()\nelse:\n    wait()'],
      ['a Vue component', 'export default {\n  methods: {\n    save() {}\n  },\n}'],
      ['a value that is a comment', 'const defaults = {\n  timeout: // milliseconds\n    5_000,\n};'],
      ['a URL value', 'homepage: https://lectern.dev\nlicense: MIT'],
      ['JSON keys', '{\n  "name": "demo",\n  "Don\'t have an account?": "Sign up"\n}'],
      ['a JSON key spaced from its colon', '{\n  "name" : "demo"\n}'],
      ['an Ansible play', '- name: Install nginx\n  hosts: web\n  become: true'],
      ['a Kubernetes manifest', '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n...'],
      ['a list of mappings with a bare dash', 'servers:\n  -\n    host: a.example.com'],
      ['Python arithmetic', 'total = price - discount\nprint(total)'],
      ['program output', 'Installing dependencies...\nDone.'],
    ];
    expect(Object.fromEntries(snippets.map(([name, code]) => [name, read(code!)]))).toMatchInlineSnapshot(`
      {
        "JSON keys": {
          "facts": {
            "jsonKeyLines": 2,
            "significant": 4,
            "yaml": {
              "lines": 1,
              "nestedKeys": [
                "Don't have an account?",
              ],
            },
          },
          "scores": {
            "json": 10,
            "yaml": 0.5,
          },
        },
        "Python arithmetic": {
          "facts": {
            "kv": {
              "iniValues": 1,
              "lines": 1,
            },
            "significant": 2,
          },
          "scores": {
            "python": 2,
          },
        },
        "a JSON key spaced from its colon": {
          "facts": {
            "jsonKeyLines": 1,
            "significant": 3,
            "yaml": {
              "lines": 1,
              "nestedKeys": [
                "name",
              ],
            },
          },
          "scores": {
            "json": 10,
            "yaml": 0.5,
          },
        },
        "a Kubernetes manifest": {
          "facts": {
            "significant": 6,
            "yaml": {
              "kinds": [
                "Service",
              ],
              "lines": 6,
              "nestedKeys": [
                "name",
              ],
              "topKeys": [
                "apiVersion",
                "kind",
                "metadata",
              ],
            },
          },
          "scores": {
            "yaml": 14,
          },
        },
        "a Python else": {
          "facts": {
            "significant": 4,
          },
          "scores": {
            "python": 3,
          },
        },
        "a URL value": {
          "facts": {
            "significant": 2,
            "yaml": {
              "lines": 2,
              "topKeys": [
                "homepage",
                "license",
              ],
            },
          },
          "scores": {
            "yaml": 2,
          },
        },
        "a Vue component": {
          "facts": {
            "significant": 5,
          },
          "scores": {
            "css": 0.5,
            "javascript": 2,
          },
        },
        "a list of mappings with a bare dash": {
          "facts": {
            "significant": 3,
            "yaml": {
              "lines": 3,
              "nestedKeys": [
                "host",
              ],
              "topKeys": [
                "servers",
              ],
            },
          },
          "scores": {
            "yaml": 3,
          },
        },
        "a value that is a comment": {
          "facts": {
            "significant": 4,
          },
          "scores": {
            "javascript": 2,
          },
        },
        "an Ansible play": {
          "facts": {
            "significant": 3,
            "yaml": {
              "lines": 3,
              "nestedKeys": [
                "name",
                "hosts",
                "become",
              ],
            },
          },
          "scores": {
            "yaml": 3,
          },
        },
        "program output": {
          "facts": {
            "significant": 2,
          },
          "scores": {},
        },
      }
    `);
  });
});

describe('TOML: multi-line arrays, array tables, dotted tables, commented values', () => {
  it('a pyproject.toml', () => {
    const pyproject = lines(
      '[project]',
      'name = "lectern-demo"',
      'dependencies = ["requests>=2.31",',
      '  "httpx[http2]",',
      '  "rich",',
      ']',
      'debug = false  # no debug output',
      '',
      '[[project.authors]]',
      'name = "Ada"',
      '',
      '[tool.black]',
      'line-length = 100',
    );
    expect(read(pyproject)).toMatchInlineSnapshot(`
      {
        "facts": {
          "kv": {
            "arrayTables": 1,
            "dottedSections": 1,
            "lines": 11,
            "neutral": 2,
            "sections": 2,
            "tomlValues": 3,
          },
          "significant": 11,
        },
        "scores": {
          "hcl": 1.2,
          "ini": 3,
          "toml": 12.5,
        },
      }
    `);
  });

  it('an array opened by a bare `[`', () => {
    expect(read('[tool.pytest.ini_options]\naddopts = [\n  "-ra",\n]\ntestpaths = "tests"')).toMatchInlineSnapshot(`
      {
        "facts": {
          "kv": {
            "dottedSections": 1,
            "lines": 5,
            "sections": 1,
            "tomlValues": 2,
          },
          "significant": 5,
        },
        "scores": {
          "hcl": 0.6,
          "ini": 1,
          "toml": 5,
        },
      }
    `);
  });
});

describe('capped signals', () => {
  it('Go’s `:=` adds at most 4 however often it appears', () => {
    const go = lines('name := "Ada"', 'age := 36', 'city := "London"', 'lang := "Go"');
    expect(read(go).scores).toMatchInlineSnapshot(`
      {
        "go": 4,
      }
    `);
  });
});

describe('long lines are read up to 400 characters', () => {
  it('a call after the 400th character of a minified line is not seen', () => {
    const bundle = `!function(){${'a=a+1;'.repeat(70)}console.log(a)}();`;
    expect(read(bundle).scores).toMatchInlineSnapshot(`{}`);
  });
});

describe('the facts keep the snippet, trimmed', () => {
  it('drops the blank lines around it', () => {
    expect(analyse('\n\nSELECT 1;\n\n').facts.code).toBe('SELECT 1;');
  });
});

describe('sampleLines', () => {
  it('splits on LF, drops one CR at the end of a line, keeps a last empty line', () => {
    expect(sampleLines('a\r\nb\rc\r\n')).toEqual(['a', 'b\rc', '']);
    expect(sampleLines('')).toEqual(['']);
    expect(sampleLines('x')).toEqual(['x']);
  });

  it('stops at 200 lines', () => {
    const many = Array.from({ length: 250 }, (_, i) => `line ${i}`).join('\n');
    const sample = sampleLines(many);
    expect(sample).toHaveLength(200);
    expect(sample.at(-1)).toBe('line 199');
  });
});
