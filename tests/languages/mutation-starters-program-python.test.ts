// The Python starter (src/languages/program-starter.ts through `starterCode`), written out whole for
// realistic modules: imports, comments, decorators and `def`/`class` lines kept, each run of other
// code one TODO hint. tests/mutation-languages.test.ts pins one small snippet; these inputs reach the
// rest of the rules (bodies with blank lines and comments, statements over several lines, notes from
// trailing comments, the main guard, odd spacing), so that a change to any of them (a mutant) shows.
import { describe, expect, it } from 'vitest';
import { starterCode } from '../../src/languages/starters.js';

const starter = (lines: string[]) => starterCode(lines.join('\n'), 'python').split('\n');

describe('Python starter of a Flask module', () => {
  const module = [
    '"""Shop API: one class per table, one def per route."""',
    'import os',
    'from flask import Flask, jsonify',
    'from . import db',
    '',
    'app = Flask(__name__)',
    'app.secret_key = os.environ["SECRET"]',
    'TIMEOUT: int = 30  # seconds, as the "gateway" allows',
    "RETRIES = 3  # don't retry: it's the client's call",
    'ADMIN = os.environ.get("ADMIN") == "1"',
    '',
    'PRICES = {',
    '    # In cents.',
    '    "apple": 120,',
    '    "pear": 95,',
    '}',
    '',
    '',
    '@app.get("/health")',
    'def health():',
    '    return "ok"',
    '',
    '',
    '@app.route(',
    '    "/orders",',
    '    methods=["GET"],',
    ')',
    'def list_orders():',
    '    # Newest first.',
    '    items = db.orders()',
    '',
    '    items.sort(key=lambda o: o["date"])',
    '    # An empty list is fine.',
    '    return jsonify(items)',
    '',
    '',
    'class Cart:',
    '    def __init__(self):',
    '        self.items = []',
    '',
    '    async def total(self) -> int:',
    '        return sum(i.price for i in self.items)',
    '',
    '',
    'def main():',
    '    app.run(port=int(os.environ.get("PORT", "8000")))',
    '    ',
    'if __name__ == "__main__":',
    '    main()',
  ];

  it('keeps imports, comments, decorators (one or several lines) and signatures, and hints the rest', () => {
    expect(starter(module)).toEqual([
      '# TODO: complete this step',
      'import os',
      'from flask import Flask, jsonify',
      'from . import db',
      '',
      // Names assigned at the top level (not `app.secret_key`), once each, with the trailing comments
      // as written (quotes and apostrophes in them are the comment's own).
      `# TODO: define app, TIMEOUT, RETRIES and ADMIN (seconds, as the "gateway" allows; don't retry: it's the client's call)`,
      '',
      // A statement over several lines is one step, comments inside it included.
      '# TODO: define PRICES',
      '',
      '',
      '@app.get("/health")',
      'def health():',
      '    # TODO: implement health',
      '    ...',
      '',
      '',
      '@app.route(',
      '    "/orders",',
      '    methods=["GET"],',
      ')',
      'def list_orders():',
      '    # Newest first.',
      // A blank line inside a body neither ends the run nor shows; a comment does both.
      '    # TODO: implement list_orders',
      '    ...',
      '    # An empty list is fine.',
      '    # TODO: continue list_orders',
      '    ...',
      '',
      '',
      'class Cart:',
      '    def __init__(self):',
      '        # TODO: implement __init__',
      '        ...',
      '',
      '    async def total(self) -> int:',
      '        # TODO: implement total',
      '        ...',
      '',
      '',
      'def main():',
      '    # TODO: implement main',
      '    ...',
      // A line of spaces after a body is outside it, kept as the blank line it is.
      '    ',
      '# TODO: run the application when the module is executed',
    ]);
  });
});

describe('Python starter of scripts and small modules', () => {
  it('is empty for an empty example', () => {
    expect(starterCode('', 'python')).toBe('');
  });

  it('drops a trailing line of spaces', () => {
    expect(starter(['print("hi")', '   '])).toEqual(['# TODO: complete this step']);
  });

  it('keeps a body that runs to the end of the file whole', () => {
    expect(starter(['import sys', '', 'def main():', '    name = sys.argv[1]', '', '    print(f"Hello {name}")'])).toEqual([
      'import sys',
      '',
      'def main():',
      '    # TODO: implement main',
      '    ...',
    ]);
  });

  it('takes only statements that begin with `import` or `from … import` for imports', () => {
    expect(
      starter([
        'import csv',
        '',
        'print("Starting import of", "orders.csv")',
        'rows = []',
        '',
        'for row in csv.reader(open("orders.csv")):',
        '    rows.append(row)',
        '',
        'print(len(rows))',
      ]),
    ).toEqual(['import csv', '', '# TODO: define rows', '', '# TODO: complete this step', '', '# TODO: complete this step']);
  });

  it('reads no bracket inside a string, nor in a comment right after one', () => {
    expect(starter(['app.jinja_env.variable_start_string = "[["', '', '# Templates use [[ name ]].', 'render()'])).toEqual([
      '# TODO: complete this step',
      '',
      '# Templates use [[ name ]].',
      '# TODO: complete this step',
    ]);
    expect(starter(['DEBUG="1"# turn off before release :(', '', '# Then the app.', 'run()'])).toEqual([
      '# TODO: define DEBUG',
      '',
      '# Then the app.',
      '# TODO: complete this step',
    ]);
  });

  it('finds imports, declarations and the main guard whatever the spacing', () => {
    expect(
      starter([
        'import  os',
        'from  flask  import  Flask',
        '',
        'class  Config:',
        '    DEBUG = False',
        '',
        'async  def  fetch():',
        '    return  1',
        '',
        'if  __name__=="__main__":',
        '    fetch()',
      ]),
    ).toEqual([
      'import  os',
      'from  flask  import  Flask',
      '',
      'class  Config:',
      '    # TODO: implement Config',
      '    ...',
      '',
      'async  def  fetch():',
      '    # TODO: implement fetch',
      '    ...',
      '',
      '# TODO: run the application when the module is executed',
    ]);
  });

  it('knows the one-line main guard too', () => {
    expect(starter(['def main():', '    print("hi")', '', 'main() if __name__ == "__main__" else None'])).toEqual([
      'def main():',
      '    # TODO: implement main',
      '    ...',
      '',
      '# TODO: run the application when the module is executed',
    ]);
  });

  it('hints a class body’s own statements before its methods', () => {
    expect(
      starter([
        'class Repo:',
        '    """Orders on disk."""',
        '',
        '    path = "orders.json"',
        '',
        '    def load(self):',
        '        with open(self.path) as f:',
        '            return f.read()',
      ]),
    ).toEqual(['class Repo:', '    # TODO: implement Repo', '    ...', '    def load(self):', '        # TODO: implement load', '        ...']);
  });

  it('notes trailing comments however they are spaced, passing over a `#` in a string', () => {
    expect(starter(['TITLE = "Lab #1"  # shown in the header', 'RETRIES = 3  #no more than three', 'WAIT = 5  #  seconds'])).toEqual([
      '# TODO: define TITLE, RETRIES and WAIT (shown in the header; no more than three; seconds)',
    ]);
  });

  it('names what top-level assignments define, annotated or not, and nothing else', () => {
    expect(
      starter([
        'port: int = 8000',
        'host=os.environ["HOST"]',
        'db.url = "sqlite://"',
        'ok = port == 8000',
        '',
        'port == 8000',
      ]),
    ).toEqual(['# TODO: define port, host and ok', '', '# TODO: complete this step']);
  });

  it('keeps a `type` statement whole, as TypeScript’s aliases are: the contract the code is written against', () => {
    expect(starter(['type Point = tuple[float, float]', 'type Pair[T] = tuple[T, T]', 'ORIGIN = (0.0, 0.0)', '', 'def norm(p: Point) -> float:', '    type Sq = float', '    return (p[0] ** 2 + p[1] ** 2) ** 0.5'])).toEqual([
      'type Point = tuple[float, float]',
      'type Pair[T] = tuple[T, T]',
      '# TODO: define ORIGIN',
      '',
      'def norm(p: Point) -> float:',
      '    # TODO: implement norm',
      '    ...',
    ]);
  });
});
