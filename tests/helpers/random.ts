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

/**
 * `count` texts, each 4 to 43 of `pieces` picked at random from `seed` (every 50th, the first
 * included, starts with a byte order mark): inputs for comparing two parsers on near misses.
 */
export function* randomTexts(pieces: readonly string[], seed: number, count: number): Generator<string> {
  const random = seededRandom(seed);
  for (let round = 0; round < count; round++) {
    let text = round % 50 === 0 ? '\ufeff' : '';
    const length = 4 + Math.floor(random() * 40);
    for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)]!;
    yield text;
  }
}
