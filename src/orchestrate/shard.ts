/**
 * `--shard i/n`: splits a course between CI jobs. Each lesson goes to a shard by a stable hash of its
 * path below the input root, not by its position, so adding a lesson moves no other lesson. Pure.
 */
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { UsageError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/n" (1 ≤ i ≤ n); throws `UsageError` otherwise. */
export function parseShard(value: string, flag = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`${flag} must be i/n with 1 ≤ i ≤ n, e.g. 1/4 (got "${value}")`);
  }
  return { index, count };
}

/** The shard (1-based) that owns `key` out of `count`: the first 32 bits of its SHA-256, modulo `count`. */
export function shardOf(key: string, count: number): number {
  return (createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % count) + 1;
}

/** The key of a lesson: its path relative to the input root, POSIX separators, so every OS agrees. */
export function shardKey(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/** A `select` for `build()`: true for the lessons the shard owns. */
export function inShard(shard: Shard): (doc: { root: string; absolute: string }) => boolean {
  return (doc) => shard.count === 1 || shardOf(shardKey(doc.root, doc.absolute), shard.count) === shard.index;
}
