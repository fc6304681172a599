// The JSON starter (src/languages/json-starter.ts), written out whole: parseable JSON becomes its
// skeleton (keys kept, one element per list, every value "TODO"); JSON with comments (tsconfig.json as
// `tsc --init` writes it) is rewritten line by line. The mutation run (README › Mutation testing)
// showed both untested; writing them out found that the line-by-line way left in the very values the
// student is to write when a comment followed them (`"target": "es2016", /* … */`) or when they
// were a list (`"lib": ["dom", "es2020"]`, or one element a line).
import { describe, expect, it } from 'vitest';
import { starterCode } from '../../src/languages/starters.js';

const json = (...lines: string[]) => lines.join('\n');

describe('JSON that parses', () => {
  it('keeps every key, one element of each list, and makes every value "TODO"', () => {
    const source = JSON.stringify({
      name: 'shop',
      private: true,
      workspaces: [],
      scripts: { test: 'vitest' },
      keywords: ['shop', 'api'],
      contributors: [{ name: 'Ada', email: 'ada@example.com' }, { name: 'Alan' }],
      matrix: [[1, 2], [3]],
      optional: [null, 1],
      license: null,
      port: 8080,
    });
    expect(starterCode(source, 'json')).toBe(
      json(
        '{',
        '  "name": "TODO",',
        '  "private": "TODO",',
        '  "workspaces": [],',
        '  "scripts": {',
        '    "test": "TODO"',
        '  },',
        '  "keywords": [',
        '    "TODO"',
        '  ],',
        '  "contributors": [',
        '    {',
        '      "name": "TODO",',
        '      "email": "TODO"',
        '    }',
        '  ],',
        '  "matrix": [',
        '    [',
        '      "TODO"',
        '    ]',
        '  ],',
        '  "optional": [',
        '    "TODO"',
        '  ],',
        '  "license": "TODO",',
        '  "port": "TODO"',
        '}',
      ),
    );
  });

  it('makes a list of records one record, and a lone value one "TODO"', () => {
    expect(starterCode('[{"id": 1, "tags": ["a"]}, {"id": 2}]', 'json')).toBe(json('[', '  {', '    "id": "TODO",', '    "tags": [', '      "TODO"', '    ]', '  }', ']'));
    expect(starterCode('"just text"', 'json')).toBe('"TODO"');
  });
});

describe('JSON with comments', () => {
  it('keeps keys, comments and commented-out settings, and replaces each value, list and list element', () => {
    const source = json(
      '{',
      '  // Visit https://aka.ms/tsconfig to read more about this file',
      '  "compilerOptions": {',
      '    /* Language and Environment */',
      '    "target": "es2016",                                  /* Set the JavaScript language version for emitted JavaScript. */',
      '    // "lib": [],                                        /* Specify a set of bundled library declaration files. */',
      '    "lib": ["dom", "es2020"],',
      '    "types": [ ],',
      '    "files": [],',
      '    // "sourceMap": true,                                /* Create source map files for emitted JavaScript files. */',
      '    "module": "commonjs", // how imports are compiled',
      '    "strict": true,',
      '    "maxNodeModuleJsFileSize": 0,',
      '    "rootDirs": [',
      '      "src",',
      '      "tests", ',
      '    ],',
      '    "ratio": -1.5e3,',
      '    "title": "say \\"hi\\"",',
      '    "outDir":"C:\\\\build",',
      '    "baseUrl" :  "." ,',
      '    "declaration": null',
      '  },',
      '  "include": ["src/**/*.ts"],',
      '}',
    );
    expect(starterCode(source, 'json')).toBe(
      json(
        '{',
        '  // Visit https://aka.ms/tsconfig to read more about this file',
        '  "compilerOptions": {',
        '    /* Language and Environment */',
        '    "target": "TODO",                                  /* Set the JavaScript language version for emitted JavaScript. */',
        '    // "lib": [],                                        /* Specify a set of bundled library declaration files. */',
        '    "lib": ["TODO"],',
        '    "types": [ ],',
        '    "files": [],',
        '    // "sourceMap": true,                                /* Create source map files for emitted JavaScript files. */',
        '    "module": "TODO", // how imports are compiled',
        '    "strict": "TODO",',
        '    "maxNodeModuleJsFileSize": "TODO",',
        '    "rootDirs": [',
        '      "TODO",',
        '      "TODO", ',
        '    ],',
        '    "ratio": "TODO",',
        '    "title": "TODO",',
        '    "outDir":"TODO",',
        '    "baseUrl" :  "TODO" ,',
        '    "declaration": "TODO"',
        '  },',
        '  "include": ["TODO"],',
        '}',
      ),
    );
  });

  // Regression: an object on one line (`"paths": { "@/*": ["src/*"] }`, as `tsc --init` users write
  // it) kept its values in the starter, the very mapping the student is to write.
  it('hints the values of an object on one line, keeping its keys, as JSON that parses is', () => {
    const source = json(
      '{',
      '  "compilerOptions": {',
      '    "baseUrl": ".",',
      '    "paths": { "@/*": ["src/*"], "~lib": [ ] },  /* Specify a set of entries that re-map imports. */',
      '    "plugins":{"name":"next","strict":true,"port":-8.5e2,"none":null,"off":false}, // the "next" plugin',
      '    "tag": { "say": "a \\"quoted\\": 1 word", "in": { "deep": { "deeper": 1 } } }',
      '  },',
      '  "alias": { "C:\\\\dir": "y" },',
      '  "watchOptions": {},',
      '  "empty": { },',
      '  "references": [',
      '    { "path": "./app" },',
      '    { "path": "./lib", "prepend": [{ "a": 2 }, { "b": "c" }] }',
      '  ],',
      '  "odd": { "note": "}" } // as in { "note": "hi" }',
      '}',
    );
    expect(starterCode(source, 'json')).toBe(
      json(
        '{',
        '  "compilerOptions": {',
        '    "baseUrl": "TODO",',
        '    "paths": { "@/*": ["TODO"], "~lib": [ ] },  /* Specify a set of entries that re-map imports. */',
        '    "plugins":{"name":"TODO","strict":"TODO","port":"TODO","none":"TODO","off":"TODO"}, // the "next" plugin',
        '    "tag": { "say": "TODO", "in": { "deep": { "deeper": "TODO" } } }',
        '  },',
        '  "alias": { "C:\\\\dir": "TODO" },',
        '  "watchOptions": {},',
        '  "empty": { },',
        '  "references": [',
        '    { "path": "TODO" },',
        '    { "path": "TODO", "prepend": [{ "a": "TODO" }, { "b": "TODO" }] }',
        '  ],',
        '  "odd": { "note": "TODO" } // as in { "note": "hi" }',
        '}',
      ),
    );
  });
});
