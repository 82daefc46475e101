import { defineCommand, text, type VerbInput } from '../spec.js';

const flags = {
  ownerRef: text('--owner-ref <ref>', 'only rooms with this owner reference'),
  name: text('--name <text>', 'only rooms whose name contains this text (any case)'),
};

/** What `enablex room export` runs with. */
export type ExportInput = VerbInput<typeof flags>;

/** `enablex room export`. */
export default defineCommand({
  name: 'export',
  summary: 'write live rooms as a rooms file for `room apply` (YAML; JSON with -o json)',
  flags,
  examples: [
    ["one owner's rooms, to keep in git", 'enablex room export --owner-ref team-7 > rooms.yaml'],
    ['every room as JSON', 'enablex room export -o json > rooms.json'],
  ],
  load: () => import('./export.js'),
});
