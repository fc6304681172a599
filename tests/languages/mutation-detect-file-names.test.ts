// The file name a lab gives a snippet (src/languages/file-names.ts): the name the author states (in
// the example's title, or a leading `# app.py` comment, in each comment syntax), when it fits the
// fence language; the names written in prose (`fileNamesIn`); and the labels that take no file name.
// Each case is written out with its exact result (README › Mutation testing).
import { afterEach, describe, expect, it } from 'vitest';
import { fileNamesIn, inferFileName, registerLanguage, statedFileName } from '../../src/languages/index.js';

const unregister: Array<() => void> = [];
afterEach(() => {
  while (unregister.length > 0) unregister.pop()!();
});

describe('statedFileName: a name in the title or a leading comment, when it fits the language', () => {
  it.each([
    ['the title', 'print("hi")', 'python', 'Writing app.py', 'app.py'],
    ['the title, over a comment', '# other.py\nprint("hi")', 'python', 'Writing app.py', 'app.py'],
    ['a `#` comment', '# app.py\nprint("hi")', 'python', undefined, 'app.py'],
    ['a `#` comment without a space', '#app.py\nprint("hi")', 'python', undefined, 'app.py'],
    ['a `# file:` comment', '# file: app.py\nprint("hi")', 'python', undefined, 'app.py'],
    ['a `// filename :` comment', '// filename : server.js\nconst app = express();', 'javascript', undefined, 'server.js'],
    ['an SQL comment', '-- schema.sql\nCREATE TABLE users (id int);', 'sql', undefined, 'schema.sql'],
    ['an INI comment', '; settings.ini\n[server]', 'ini', undefined, 'settings.ini'],
    ['an HTML comment', '<!-- index.html -->\n<h1>Hi</h1>', 'html', undefined, 'index.html'],
    ['a CSS comment', '/* styles.css */\nbody { margin: 0; }', 'css', undefined, 'styles.css'],
    ['a comment after the shebang', '#!/bin/bash\n# setup.sh\necho hi', 'bash', undefined, 'setup.sh'],
    ['a comment after a blank line', '\n# app.py\nprint("hi")', 'python', undefined, 'app.py'],
    ['an indented comment', '    # app.py\n    print("hi")', 'python', undefined, 'app.py'],
    ['a comment after five blank lines', '\n\n\n\n\n# app.py\nprint("hi")', 'python', undefined, null],
    ['a comment at the end of a code line', "import express from 'express'; // server.js", 'javascript', undefined, null],
    ['a name of another language', '# app.py\nSELECT 1;', 'sql', undefined, null],
    ['a Dockerfile variant', 'FROM alpine:3.20', 'dockerfile', 'Dockerfile.dev', 'Dockerfile.dev'],
    ['a Dockerfile variant on YAML', 'name: web', 'yaml', 'Dockerfile.dev', null],
    ['a Dockerfile, unlabelled', 'FROM alpine:3.20', null, 'The Dockerfile', 'Dockerfile'],
    ['a Makefile, which claims no language', 'all:\n\tgo build ./...', 'make', 'The Makefile', 'Makefile'],
    ['output', '$ make test', 'output', 'Running the Makefile', null],
    ['no name at all', 'print("hi")', 'python', 'Greeting', null],
  ])('%s', (_, code, language, title, name) => {
    expect(statedFileName(code, language, title)).toBe(name);
  });

  it('is null for a missing snippet', () => {
    expect(statedFileName(null as unknown as string, 'python')).toBeNull();
  });
});

describe('inferFileName: the stated name, else the one the language suggests', () => {
  it('suggests the language’s name for a missing snippet', () => {
    expect(inferFileName(null as unknown as string, 'python')).toBe('app.py');
    expect(inferFileName(null as unknown as string, null)).toBeNull();
  });

  it('reads a missing snippet as an empty one', () => {
    unregister.push(registerLanguage({ kind: 'protobuf', fileName: (text) => (text.trim() === '' ? null : 'schema.proto') }));
    expect(inferFileName('syntax = "proto3";', 'protobuf')).toBe('schema.proto');
    expect(inferFileName(null as unknown as string, 'protobuf')).toBeNull();
  });

  it('gives output no name, even a stated one', () => {
    expect(inferFileName('$ make test', 'output', 'Running the Makefile')).toBeNull();
  });

  it('is null, not an exception, when a pack fails', () => {
    unregister.push(registerLanguage({
      kind: 'brainfudge',
      fileName: () => {
        throw new Error('a plugin bug');
      },
    }));
    expect(inferFileName('++[>+<-]', 'brainfudge')).toBeNull();
  });
});

describe('fileNamesIn: every file name in prose, once, without its folder', () => {
  it('skips library names that look like files (`node.js`)', () => {
    const prose = 'Edit `web.yaml`, then rebuild the Dockerfile and run node.js app.js; see docs/setup.md, and web.yaml again.';
    expect(fileNamesIn(prose)).toEqual(['web.yaml', 'Dockerfile', 'app.js', 'setup.md']);
    expect(fileNamesIn('No files here.')).toEqual([]);
  });
});

describe('a pack with an extension that is no plain word', () => {
  // Regression: the extensions went into the file-name pattern unescaped, so `c++` made it an
  // invalid regular expression: no stated name was found any more, and fileNamesIn threw.
  it('`c++` is matched as itself, and other names are still found', () => {
    unregister.push(registerLanguage({ kind: 'cplusplus', extensions: ['c++'] }));
    expect(statedFileName('int main() {}', 'cpp', 'main.cpp')).toBe('main.cpp');
    expect(fileNamesIn('Compile main.c++ and util.cpp (not main.c+).')).toEqual(['main.c++', 'util.cpp']);
  });
});
