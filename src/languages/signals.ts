/**
 * The shape of a per-line signal (each pack lists its own), and the line patterns the detector's shared
 * loop reads structure with (Dockerfile instructions, YAML keys, INI/TOML sections, heredocs).
 */

/** A line pattern that adds `weight` points to `lang` (a language, or a family's extras: `ts`, `cppx`). */
export interface Signal {
  lang: string;
  re: RegExp;
  weight: number;
  /** Most this signal may contribute over the whole snippet (weak, common signals). */
  cap?: number;
}

export const DOCKER_INSTRUCTION =
  /^(FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)\s+\S/;
/** SQL's `COPY t FROM 'file'` is not a Dockerfile instruction. */
export const SQL_COPY = /^COPY\s+\w+(?:\s*\(.*\))?\s+(?:FROM|TO)\s/i;
/** `key: value`, `key:`, `- key: value`; values ending like code (`,` `;` `{` `(`) do not count. */
export const YAML_KEY = /^(-\s+)?([A-Za-z_$][\w.\-/$]*|"[^"]+"|'[^']+')\s*:(?:\s+(.*))?$/;
export const YAML_NOT_KEYS = new Set(['else', 'try', 'finally', 'except', 'do', 'then', 'public', 'private', 'protected', 'default']);
export const YAML_BLOCK_SCALAR = /:\s*[|>][-+]?\d*\s*$/;
export const INI_SECTION = /^\[[^[\]]+\]$/;
export const TOML_ARRAY_TABLE = /^\[\[[^[\]]+\]\]$/;
export const KEY_VALUE = /^("[^"]*"|'[^']*'|[\w.-]+)\s*=\s*(.*)$/;
export const TOML_VALUE = /^(?:"[^"]*"|'[^']*'|"""|'''|\[.*|\{.*\}|\d{4}-\d{2}-\d{2}.*)$/;
export const NEUTRAL_VALUE = /^(?:true|false|[-+]?\d[\d_]*(?:\.\d+)?)$/i;
export const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_]\w*)\1/;
