/**
 * Course-level outputs made from the lessons' PDFs: the module books (merged PDFs of the module's
 * handouts and of its lab sheets). A module's books are merged as soon as its lessons' handouts and
 * labs are final, while other modules' lessons still print, and one module at a time: a cold build
 * neither ends waiting on every merge at once nor holds every module's PDFs together. The PDF tools
 * are loaded only when a book is due, so a build that makes none pays nothing for them.
 */
import { existsSync } from 'node:fs';
import type { BrowserManager } from '../browser/manager.js';
import type { Course } from '../orchestrate/course.js';
import type { BookParts } from '../orchestrate/build.js';
import type { Templates } from '../render/templates.js';
import type { Progress } from '../orchestrate/progress.js';
import { EnvironmentError } from '../errors.js';
import { bookPath, planBooks, type BookPlan } from './book-plan.js';
import { readBookManifest, writeBookManifest, type BookRecord } from './book-manifest.js';

export interface BooksJob {
  outRoot: string;
  course: Course;
  /** The shared browser, started when a book is first made (it prints the contents pages). */
  manager: () => Promise<BrowserManager>;
  templates: Templates;
  assets: Record<string, string>;
  progress: Progress;
  paper: 'a4' | 'letter';
}

/** The module books of one build, made module by module. */
export class ModuleBooks {
  readonly #job: BooksJob;
  readonly #previous: Promise<BookRecord[]>;
  /** The books made so far, by path. */
  readonly #made = new Map<string, BookRecord | null>();
  readonly #modules = new Set<string>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(job: BooksJob) {
    this.#job = job;
    this.#previous = readBookManifest(job.outRoot);
    this.#previous.catch(() => {});
  }

  /** Makes the books of one module from its lessons' parts, after the modules queued before it. */
  module(moduleDir: string, reports: readonly BookParts[]): Promise<void> {
    this.#modules.add(moduleDir);
    const run = this.#queue.then(() => this.#make(planBooks(this.#job.course, reports, this.#job.outRoot, existsSync).filter((plan) => plan.module.dir === moduleDir)));
    this.#queue = run.catch(() => {});
    return run;
  }

  /**
   * Once every lesson is built: makes the books of the modules not made yet and writes the manifest.
   * A module none of whose lessons changed keeps its books as the last build recorded them, unread.
   */
  async finish(reports: readonly BookParts[]): Promise<void> {
    await this.#queue;
    const plans = planBooks(this.#job.course, reports, this.#job.outRoot, existsSync);
    const previous = await this.#previous;
    const built = new Map(reports.map((report) => [report.source, report]));
    const left: BookPlan[] = [];
    for (const plan of plans) {
      if (this.#modules.has(plan.module.dir)) continue;
      const path = bookPath(plan.module.dir, plan.kind);
      const record = previous.find((candidate) => candidate.report.path === path);
      const unchanged = plan.module.lessons.every((doc) => built.get(doc.path)?.cacheHit === true);
      const sameParts = record && record.report.parts.map((part) => part.source).join('\n') === plan.sources.map((source) => source.source).join('\n');
      if (unchanged && record && sameParts) {
        this.#made.set(path, { ...record, report: { ...record.report, cacheHit: true } });
        this.#job.progress.line(`${path}  unchanged`);
      } else left.push(plan);
    }
    await this.#make(left);
    const records = plans.map((plan) => this.#made.get(bookPath(plan.module.dir, plan.kind))).filter((record): record is BookRecord => Boolean(record));
    await writeBookManifest(this.#job.outRoot, records);
  }

  /** Makes `plans`' books side by side (their contents pages share the page pool). */
  async #make(plans: readonly BookPlan[]): Promise<void> {
    if (plans.length === 0) return;
    const { makeBook } = await import('./book.js');
    const manager = await this.#job.manager();
    const previous = await this.#previous;
    const job = this.#job;
    await Promise.all(
      plans.map(async (plan) => {
        const path = bookPath(plan.module.dir, plan.kind);
        try {
          const record = await makeBook({
            manager,
            templates: job.templates,
            outRoot: job.outRoot,
            paper: job.paper,
            courseTitle: job.course.title === plan.module.title ? null : job.course.title,
            module: plan.module,
            kind: plan.kind,
            sources: plan.sources,
            previous: previous.find((record) => record.report.path === path),
          });
          const { pages, cacheHit } = record.report;
          job.progress.line(`${path}  ${cacheHit ? 'unchanged' : `${pages} pages from ${plan.sources.length} lesson${plan.sources.length === 1 ? '' : 's'}`}`);
          this.#made.set(path, record);
        } catch (error) {
          // No Chromium or a full disk stops the build; a PDF that cannot be merged costs only its book.
          if (error instanceof EnvironmentError) throw error;
          job.progress.line(`${path}  not made: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
          this.#made.set(path, null);
        }
      }),
    );
  }
}
