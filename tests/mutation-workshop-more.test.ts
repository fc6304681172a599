// A workshop-time edge that the last mutation run of time.ts left alive: a bare number of minutes is
// read exactly, as a number is, while durations with units are rounded to hundredths of a minute.
// Pure and fast: Stryker runs this file once per mutant.
import { describe, it, expect } from 'vitest';
import { parseDuration } from '../src/workshop/time.js';

describe('parseDuration', () => {
  it('reads a bare number of minutes exactly, like a number, and rounds one with a unit', () => {
    expect(parseDuration('1.234')).toBe(1.234);
    expect(parseDuration('12.345')).toBe(12.345);
    expect(parseDuration(12.345)).toBe(12.345);
    expect(parseDuration('12.345 min')).toBe(12.35);
    expect(parseDuration('12')).toBe(12);
  });
});
