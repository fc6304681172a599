import { decodeComponent } from '../decode.js';

/**
 * The words that stand for an image that cannot be shown: its alt text, or, when that is empty (as in
 * a README's `[![](images/thumbnail.jpg)](https://…)`), its file's name: never "untitled".
 */
export function imageLabel(alt: string | null | undefined, src: string | null | undefined): string {
  const text = alt?.trim();
  if (text) return `[image: ${text}]`;
  const file = (src ?? '').split(/[?#]/)[0]!.split('/').filter(Boolean).pop();
  return file ? `[image: ${decodeComponent(file)}]` : '[image]';
}
