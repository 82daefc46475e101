import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { hasUnsafe, jsonTerminalSafe } from './escape.js';

const require = createRequire(import.meta.url);

/**
 * YAML text that is exact and safe on a terminal. The yaml library escapes C0 controls, but writes
 * DEL, C1 and bidi controls raw, even unquoted. A string holding one is forced into double quotes,
 * where `\uHHHH` means the same character, and the raw characters are then written that way.
 * (yaml is loaded only when asked for, to keep start-up fast.)
 */
export function yamlStringify(value: unknown): string {
  const yaml = require('yaml') as typeof Yaml;
  const doc = new yaml.Document(value);
  let risky = false;
  yaml.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && hasUnsafe(node.value)) {
        node.type = 'QUOTE_DOUBLE';
        risky = true;
      }
    },
  });
  const text = doc.toString();
  return risky ? jsonTerminalSafe(text) : text;
}
