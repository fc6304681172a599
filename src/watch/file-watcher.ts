/**
 * Watches folders recursively and single files, and reports changed paths in batches once they go
 * quiet. macOS and Windows watch a whole tree natively. On Linux, Node's recursive `fs.watch` follows
 * files rather than folders and loses a file once an editor saves it by renaming a new file over it
 * (vim, and any "safe write"), so there every folder gets a watch of its own, which sees such saves
 * by name, and folders created later are added as they appear.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
  /** Sub-folders not to watch at all (an output folder inside a watched one, dependencies). */
  skipFolder?: (path: string) => boolean;
}

/** Whether `fs.watch` follows a whole tree reliably here; see the top of this file. */
const nativeRecursive = process.platform !== 'linux';

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

  // Linux: one watch per folder, by path, so a folder deleted and made again is watched again.
  const folders = new Map<string, FSWatcher>();
  const watchTree = (dir: string, target: WatchTarget, top: boolean) => {
    if (folders.has(dir) || (!top && options.skipFolder?.(dir))) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { persistent: true }, (_event, name) => {
        if (name === null) return;
        const path = resolve(dir, name.toString());
        // A new (or renamed) folder is watched from now on; what it holds already counts as changed.
        if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
          if (options.skipFolder?.(path)) return;
          watchTree(path, target, false);
          forEachFile(path, changed);
        } else if (folders.has(path)) {
          unwatchTree(path);
        }
        changed(path);
      });
    } catch (error) {
      // The top folder must be watchable; one that vanished while we walked is simply gone.
      if (top) throw error;
      return;
    }
    watcher.on('error', (error) => options.onError(error, target));
    folders.set(dir, watcher);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) watchTree(join(dir, entry.name), target, false);
    }
  };
  const unwatchTree = (dir: string) => {
    for (const [path, watcher] of folders) {
      if (path === dir || path.startsWith(`${dir}/`)) {
        watcher.close();
        folders.delete(path);
      }
    }
  };

  try {
    for (const target of targets) {
      if (target.kind === 'folder' && !nativeRecursive) {
        watchTree(target.path, target, true);
        continue;
      }
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
    folders.forEach((watcher) => watcher.close());
    throw error;
  }

  return {
    close() {
      clearTimeout(timer);
      pending.clear();
      for (const watcher of watchers) watcher.close();
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}

/** Calls `fn` with every file below `dir` (a folder just created or moved in). */
function forEachFile(dir: string, fn: (path: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) forEachFile(path, fn);
    else fn(path);
  }
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
