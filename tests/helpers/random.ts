/**
 * mulberry32: a small seeded generator (numbers in [0, 1)), so that a test's random inputs are the
 * same on every run. bench/realistic-course.mjs has its own copy (plain JavaScript, no test helpers).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
