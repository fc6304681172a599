import { describe, expect, it } from 'vitest';
import { languagesAgree, inferFileName } from '../../src/languages/index.js';
import { starterCode } from '../../src/languages/starters.js';

// Lesson-controlled keys (fence labels, YAML keys, file names) must never find Object.prototype members.
describe('language tables looked up by lesson-controlled keys', () => {
  it('a fence labelled constructor or __proto__ compares like any unknown label', () => {
    expect(languagesAgree('constructor', 'python')).toBe(false);
    expect(languagesAgree('__proto__', 'python')).toBe(false);
    expect(languagesAgree('bash', 'console')).toBe(true);
  });
  it('a YAML key named constructor gets the generic hint, not a function body', () => {
    const starter = starterCode('constructor: x\ntoString: y\nimage: nginx', 'yaml');
    expect(starter).toContain('# TODO: set constructor');
    expect(starter).toContain('# TODO: set toString');
    expect(starter).not.toContain('native code');
  });
  it('a file called constructor.yml still infers from its extension', () => {
    expect(inferFileName('a: 1', 'yaml', 'constructor.yml')).toBe('constructor.yml');
  });
});
