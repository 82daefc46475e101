/* The output formats, apart from the renderers: the command tree reads them at start-up. */

/** The output formats of `-o`. */
export const FORMATS = ['table', 'json', 'yaml', 'csv', 'ndjson'] as const;
/** One output format. */
export type Format = (typeof FORMATS)[number];
