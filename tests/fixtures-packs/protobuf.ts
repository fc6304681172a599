/**
 * A file kind Lectern does not ship: Protocol Buffers schemas. Lives only in the tests, to show that a
 * new kind is one file plus its registration (`registerLanguage(protobuf)`), with no edit elsewhere.
 */

import type { LanguagePack } from '../../src/languages/index.js';

export const protobuf: LanguagePack = {
  kind: 'protobuf',
  aliases: ['proto', 'proto3'],
  signals: [
    { lang: 'protobuf', re: /^syntax\s*=\s*"proto[23]"\s*;$/, weight: 8 },
    { lang: 'protobuf', re: /^(?:message|enum|service)\s+\w+\s*\{$/, weight: 3, cap: 9 },
    { lang: 'protobuf', re: /^(?:repeated\s+|optional\s+)?[\w.]+\s+\w+\s*=\s*\d+\s*;$/, weight: 1, cap: 6 },
    { lang: 'protobuf', re: /^rpc\s+\w+\s*\(\s*(?:stream\s+)?[\w.]+\s*\)\s*returns\b/, weight: 4, cap: 8 },
  ],
  extensions: ['proto'],
  fileName: (text) => (/^\s*service\s+\w+/m.test(text) ? 'service.proto' : 'messages.proto'),
  comment: '//',
  starter: (text) =>
    text.split('\n').map((line) => {
      const field = /^(\s*)(?:repeated\s+|optional\s+)?[\w.]+\s+(\w+)\s*=\s*\d+\s*;/.exec(line);
      if (field) return `${field[1]}// TODO: declare the field ${field[2]} (type and number)`;
      const rpc = /^(\s*)rpc\s+(\w+)/.exec(line);
      return rpc ? `${rpc[1]}// TODO: declare the call ${rpc[2]} (request and response)` : line;
    }),
  role: 'config',
  lab: {
    label: 'Protocol Buffers schema',
    steps: ['Give every field a type and a number; never reuse a number once it has been published.'],
    mistakes: ['Reusing or renumbering a field, which breaks clients built against the old schema'],
    watch: ['`protoc` names the line of the first error: let learners read it before helping.'],
    check: (fileName) => ({ command: `protoc --descriptor_set_out=/dev/null ${fileName}`, expected: 'No output: the schema compiles.' }),
    summary: (text) => {
      const messages = [...text.matchAll(/^message\s+(\w+)/gm)].map((m) => `\`${m[1]}\``);
      return messages.length > 0 ? `declares the message${messages.length > 1 ? 's' : ''} ${messages.join(', ')}` : null;
    },
  },
};
