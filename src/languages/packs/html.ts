/** HTML pages. */

import type { LanguagePack } from '../pack.js';

export const html: LanguagePack = {
  kind: 'html',
  aliases: ['htm', 'xhtml'],
  signals: [
    { lang: 'html', re: /^<!doctype\s+html/i, weight: 10 },
    { lang: 'html', re: /^<html[\s>]/i, weight: 5 },
    {
      lang: 'html',
      re: /^<\/?(?:head|body|div|span|p|a|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|form|input|button|script|style|link|meta|title|section|article|header|footer|nav|main|img|br|label|select|option|textarea|strong|em|pre|code)(?:\s[^>]*)?\/?>/i,
      weight: 1.5,
    },
  ],
  // An XML file the detector finds HTML-like is fine under an html label.
  lintAccepts: ['xml'],
  extensions: ['html', 'xml'],
  comment: '<!--',
  commentEnd: '-->',
  fileName: () => 'index.html',
};
