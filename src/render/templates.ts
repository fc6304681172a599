/**
 * One Handlebars environment for every document. Templates are compiled with `strict: true`, so a
 * missing model field fails loudly. Loading the files is the caller's business (see `loadTemplateSources`
 * in `../output/template-files.ts`); compiling and rendering here is pure.
 */
import Handlebars from 'handlebars';

/** Template sources by name: `deck.md`, `handout.html`, `partials/deck/title` … (file path without `.hbs`). */
export type TemplateSources = Record<string, string>;

export interface Templates {
  /** The shared environment: renderers register their helpers here. */
  readonly env: typeof Handlebars;
  /** Renders a top-level template (`deck.md`, `handout.html`, `lab.html`) with the given data. */
  render(name: string, data: unknown): string;
  has(name: string): boolean;
}

const PARTIAL_PREFIX = 'partials/';

/** Compiles a set of template sources into one environment; partials are registered by their path under `partials/`. */
export function compileTemplates(sources: TemplateSources): Templates {
  const env = Handlebars.create();
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, source] of Object.entries(sources)) {
    if (name.startsWith(PARTIAL_PREFIX)) env.registerPartial(name.slice(PARTIAL_PREFIX.length), source);
  }
  const get = (name: string) => {
    let template = compiled.get(name);
    if (!template) {
      const source = sources[name];
      if (source === undefined) throw new Error(`Cannot find template "${name}", expected ${name}.hbs in the templates folder`);
      template = env.compile(source, { strict: true, noEscape: false });
      compiled.set(name, template);
    }
    return template;
  };
  return {
    env,
    has: (name) => sources[name] !== undefined,
    render: (name, data) => get(name)(data, { allowProtoPropertiesByDefault: false }),
  };
}
