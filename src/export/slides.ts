/** What every deck variant knows about Marp's slide markup. */

/** A slide's size in CSS pixels, as Marp declares it in each slide's `viewBox`. */
export interface SlideSize {
  width: number;
  height: number;
}

/** Marp's default, 16:9. */
export const defaultSlideSize: SlideSize = { width: 1280, height: 720 };

/** Each slide is one `<svg>` in Marp's container (with `inlineSVG`, which Lectern always uses). */
export const slideSelector = 'div.marpit > svg[data-marpit-svg]';

/** Paper for themes that set no background; `:where()` keeps it below any theme rule. */
export const paperCss = ':where(div.marpit > svg > foreignObject > section) { background: #fff; color: #000; }';

/** Reads the size of the first slide in Marp's HTML; Marp gives every slide of a deck the same size. */
export function slideSizeOf(html: string): SlideSize {
  const match = /<svg data-marpit-svg=""[^>]*\bviewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(html);
  if (!match) return defaultSlideSize;
  return { width: Number(match[1]), height: Number(match[2]) };
}
