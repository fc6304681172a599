// When the detector overrides a fence label (`detectLanguage`, src/languages/detect.ts): the
// thresholds at their very edges. Terminal transcripts make the scores exact (every prompt line is
// worth 3 to its language and nothing else; an SQL `-- ` comment 0.5), so each case sits on one
// threshold and its twin just below it: unlabelled (at least 2, and 1.5 × the runner-up), labelled
// with a language the detector knows (at least 5, 2 × the runner-up, 4 × the label's own score), and
// labelled with one it cannot score (at least 10, and 3 × the runner-up).
import { describe, expect, it } from 'vitest';
import { analyse, detectLanguage } from '../../src/languages/detect.js';
import { lines } from './mutation-detect-helpers.js';

const scores = (code: string) => Object.fromEntries(analyse(code).scores);

const comments = (count: number) =>
  ['-- Orders per customer,', '-- counted in the SQLite shell', '-- after loading shop.db', '-- (see the previous step).'].slice(0, count);
const sqliteSession = (queries: number, shellCommands: number) =>
  lines(
    '$ sqlite3 shop.db',
    ...['sqlite> .headers on', 'sqlite> .mode column', 'sqlite> .tables', 'sqlite> .schema orders', 'sqlite> SELECT count(*) FROM orders;', 'sqlite> SELECT customer, count(*) FROM orders GROUP BY customer;'].slice(0, queries),
    ...['$ ls -l shop.db', '$ du -h shop.db'].slice(0, shellCommands - 1),
  );
const pythonSession = (expressions: number) =>
  lines('$ python3 -q', ...[['>>> 2 + 2', '4'], ['>>> len("lectern")', '7'], ['>>> "lectern".upper()', "'LECTERN'"], ['>>> exit()']].slice(0, expressions).flat());

describe('an unlabelled fence', () => {
  it('needs a score of 2: four SQL comments are SQL, three are nothing', () => {
    expect(scores(lines(...comments(4)))).toEqual({ sql: 2 });
    expect(detectLanguage(lines(...comments(4)), null)).toBe('sql');
    expect(detectLanguage(lines(...comments(3)), null)).toBeNull();
  });

  it('needs 1.5 × the runner-up: 9 to 6 is SQLite, 9 to 9 is nothing', () => {
    expect(scores(sqliteSession(3, 2))).toEqual({ bash: 6, sql: 9 });
    expect(detectLanguage(sqliteSession(3, 2), null)).toBe('sql');
    expect(scores(sqliteSession(3, 3))).toEqual({ bash: 9, sql: 9 });
    expect(detectLanguage(sqliteSession(3, 3), null)).toBeNull();
  });

  it('labelled `source` (“some code”), is decided as if unlabelled', () => {
    expect(detectLanguage(sqliteSession(3, 2), 'source')).toBe('sql');
  });
});

describe('a fence labelled with a language the detector scores', () => {
  it('is overridden at a score of 5, not 4.5', () => {
    const five = lines(...comments(4), 'sqlite> SELECT count(*) FROM orders;');
    const fourAndAHalf = lines(...comments(3), 'sqlite> SELECT count(*) FROM orders;');
    expect(scores(five)).toEqual({ sql: 5 });
    expect(detectLanguage(five, 'python')).toBe('sql');
    expect(detectLanguage(fourAndAHalf, 'python')).toBe('python');
  });

  it('is overridden at 2 × the runner-up, not below', () => {
    expect(scores(sqliteSession(2, 1))).toEqual({ bash: 3, sql: 6 });
    expect(detectLanguage(sqliteSession(2, 1), 'python')).toBe('sql');
    expect(scores(sqliteSession(2, 2))).toEqual({ bash: 6, sql: 6 });
    expect(detectLanguage(sqliteSession(2, 2), 'python')).toBe('python');
  });

  it('is overridden at 4 × the label’s own score, not below: a Python session labelled bash', () => {
    expect(scores(pythonSession(4))).toEqual({ bash: 3, python: 12 });
    expect(detectLanguage(pythonSession(4), 'bash')).toBe('python');
    expect(scores(pythonSession(3))).toEqual({ bash: 3, python: 9 });
    expect(detectLanguage(pythonSession(3), 'bash')).toBe('bash');
  });
});

describe('a fence labelled with a language the detector cannot score (`r`, `sqlite3`)', () => {
  it('keeps its label below 10, where a known label would be overridden', () => {
    expect(detectLanguage(sqliteSession(2, 1), 'python')).toBe('sql');
    expect(detectLanguage(sqliteSession(2, 1), 'r')).toBe('r');
  });

  it('is overridden at 10, not 9.5', () => {
    const ten = lines(...comments(2), 'sqlite> .headers on', 'sqlite> .mode column', 'sqlite> SELECT customer, count(*) FROM orders GROUP BY customer;');
    expect(scores(ten)).toEqual({ sql: 10 });
    expect(detectLanguage(ten, 'sqlite3')).toBe('sql');
    expect(detectLanguage(lines(...comments(1), ...ten.split('\n').slice(2)), 'sqlite3')).toBe('sqlite3');
  });

  it('is overridden at 3 × the runner-up, not below', () => {
    expect(scores(sqliteSession(6, 2))).toEqual({ bash: 6, sql: 18 });
    expect(detectLanguage(sqliteSession(6, 2), 'sqlite3')).toBe('sql');
    expect(scores(sqliteSession(5, 2))).toEqual({ bash: 6, sql: 15 });
    expect(detectLanguage(sqliteSession(5, 2), 'sqlite3')).toBe('sqlite3');
  });
});

describe('input the detector cannot read', () => {
  it('keeps the label of a blank or missing snippet', () => {
    expect(detectLanguage('', 'py')).toBe('python');
    expect(detectLanguage('  \n\t\n', null)).toBeNull();
    expect(detectLanguage(null as unknown as string, 'Python')).toBe('python');
    expect(detectLanguage(undefined as unknown as string, null)).toBeNull();
  });
});
