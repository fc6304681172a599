/**
 * Watches folders (recursively, with Node's `fs.watch`, which does this natively on Linux, macOS and
 * Windows since Node 20) and single files, and reports changed paths in batches once they go quiet.
 */
import { watch, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isInside } from '../output/paths.js';

export interface WatchTarget {
  /** Absolute path of a folder, or of a single file. */
  path: string;
  kind: 'folder' | 'file';
}

export interface FileWatcherOptions {
  /** Quiet time before a batch is reported; editors write a file in several steps. */
  debounceMs: number;
  /** Whether a changed path (absolute) is worth reporting. */
  accept: (path: string) => boolean;
  onChange: (paths: string[]) => void;
  onError: (error: Error, target: WatchTarget) => void;
}

export interface FileWatcher {
  close(): void;
}

/** Starts watching; throws when a target cannot be watched at all. */
export function watchFiles(targets: readonly WatchTarget[], options: FileWatcherOptions): FileWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const flush = () => {
    timer = undefined;
    if (pending.size === 0) return;
    const paths = [...pending];
    pending.clear();
    options.onChange(paths);
  };
  const changed = (path: string) => {
    if (!options.accept(path)) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
  };

  try {
    for (const target of targets) {
      // A single file is watched through its folder: editors that save by renaming replace the inode.
      const folder = target.kind === 'folder' ? target.path : dirname(target.path);
      const watcher = watch(folder, { recursive: target.kind === 'folder', persistent: true }, (_event, name) => {
        // Linux always names the file; without a name there is nothing to map to lessons.
        if (name === null) return;
        const path = resolve(folder, name.toString());
        if (target.kind === 'file' && path !== target.path) return;
        changed(path);
      });
      watcher.on('error', (error) => options.onError(error, target));
      watchers.push(watcher);
    }
  } catch (error) {
    watchers.forEach((watcher) => watcher.close());
    throw error;
  }

  return {
    close() {
      clearTimeout(timer);
      pending.clear();
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** Drops targets a watched folder already covers (and duplicates). */
export function outermost(targets: readonly WatchTarget[]): WatchTarget[] {
  const kept: WatchTarget[] = [];
  for (const target of targets) {
    const covered = kept.some((k) => k.kind === 'folder' && isInside(k.path, target.path)) || kept.some((k) => k.path === target.path && k.kind === target.kind);
    if (covered) continue;
    // A folder swallows what was kept below it.
    const rest = target.kind === 'folder' ? kept.filter((k) => !isInside(target.path, k.path)) : kept;
    kept.length = 0;
    kept.push(...rest, target);
  }
  return kept;
}
