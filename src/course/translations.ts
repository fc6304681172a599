/**
 * Translations are not lessons of the course. Curricula in the "…-For-Beginners" shape keep each lesson's
 * translations beside it: a `translations/` folder of `README.es.md`, `README.zh-cn.md`,
 * `assignment.pt.md`…, or `README.fr.md` next to `README.md`. Built as lessons they would come out as
 * dozens of copies of every lesson (and the only lessons found, when the originals are READMEs). A file
 * found in a course folder is a translation when it sits in a folder named like one, or carries a
 * language suffix beside the same-named original. A file named on the command line is always built. Pure.
 */

/** Folders that hold translations, by name (any depth below the folder given). */
const TRANSLATION_FOLDERS = new Set(['translations', 'translation', 'translated', 'i18n', 'l10n', 'locales', 'locale', 'lang']);

/**
 * Primary language subtags that real curricula use in file names: ISO 639-1, a few three-letter ones, and
 * the country codes some of them use for a language (`cn`, `gr`, `np`, `tw`, `jp`, `kr`, `br`, `ua`).
 */
const LANGUAGES = new Set(
  (
    'af am ar as az be bg bn bo br bs ca cs cy da de el en eo es et eu fa fi fr ga gl gu he hi hr hu hy id ' +
    'is it ja jv ka kk km kn ko ku ky la lb lo lt lv mg mi mk ml mn mr ms mt my nb ne nl nn no or pa pl ps ' +
    'pt ro ru rw sa sd si sk sl so sq sr sv sw ta te tg th tk tl tr tt ug uk ur uz vi xh yi yo zh zu ' +
    'fil yue cmn ckb cn gr np tw jp kr ua'
  ).split(' '),
);

/** `README.es.md` → { base: 'README', language: 'es' }; `README.zh-cn.md`, `assignment.pt-br.md` too. */
const SUFFIXED = /^(.+)\.([a-z]{2,3})((?:[-_][a-z0-9]{2,8})*)\.(md|markdown)$/i;

function languageSuffix(name: string): { base: string; extension: string } | null {
  const match = SUFFIXED.exec(name);
  if (!match || !LANGUAGES.has(match[2]!.toLowerCase())) return null;
  return { base: match[1]!, extension: match[4]! };
}

/**
 * True when `relative` (a file's path below the folder given, POSIX separators) is a translation:
 * below a translations folder, or `NAME.xx.md` beside `NAME.md` (`siblings`: the names of the Markdown
 * files in its folder).
 */
export function isTranslation(relative: string, siblings: ReadonlySet<string>): boolean {
  const parts = relative.split('/');
  const name = parts.pop() ?? '';
  if (parts.some((folder) => TRANSLATION_FOLDERS.has(folder.toLowerCase()))) return true;
  const suffixed = languageSuffix(name);
  if (!suffixed) return false;
  const lower = new Set([...siblings].map((sibling) => sibling.toLowerCase()));
  return lower.has(`${suffixed.base}.md`.toLowerCase()) || lower.has(`${suffixed.base}.markdown`.toLowerCase());
}

/** Splits the files found below one folder into the course's files and its translations. */
export function withoutTranslations(relatives: readonly string[]): { kept: string[]; translations: string[] } {
  const byFolder = new Map<string, Set<string>>();
  for (const path of relatives) {
    const cut = path.lastIndexOf('/');
    const folder = cut < 0 ? '' : path.slice(0, cut);
    if (!byFolder.has(folder)) byFolder.set(folder, new Set());
    byFolder.get(folder)!.add(path.slice(cut + 1));
  }
  const kept: string[] = [];
  const translations: string[] = [];
  for (const path of relatives) {
    const cut = path.lastIndexOf('/');
    const folder = cut < 0 ? '' : path.slice(0, cut);
    (isTranslation(path, byFolder.get(folder)!) ? translations : kept).push(path);
  }
  return { kept, translations };
}

/** The one line a build or check prints for the translations it left out. */
export function translationsLine(count: number): string {
  return `skipped ${count} translation${count === 1 ? '' : 's'} (translations/ folders and README.xx.md files); build one with lectern build PATH`;
}
