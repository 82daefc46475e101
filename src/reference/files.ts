import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PARTIALS_DIR, type Partials, type ReferencePage } from './markdown.js';

/** The hand-written partials under `<dir>/notes/`, by the page they belong to. */
export function readPartials(dir: string): Partials {
  const notes = join(dir, PARTIALS_DIR);
  const partials = new Map<string, string>();
  if (!existsSync(notes)) return partials;
  for (const name of readdirSync(notes).sort()) {
    if (name.endsWith('.md')) partials.set(name, readFileSync(join(notes, name), 'utf8'));
  }
  return partials;
}

/** The pages now in `dir` (its Markdown files, not the partials), by file name. */
export function readPages(dir: string): Map<string, string> {
  const pages = new Map<string, string>();
  if (!existsSync(dir)) return pages;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) {
      pages.set(entry.name, readFileSync(join(dir, entry.name), 'utf8'));
    }
  }
  return pages;
}

/** Partials whose page is not generated: their command was renamed, removed or not declared yet. */
export function orphanPartials(pages: readonly ReferencePage[], partials: Partials): string[] {
  const files = new Set(pages.map((p) => p.file));
  return [...partials.keys()].filter((name) => !files.has(name)).sort();
}

/**
 * Writes the pages into `dir` and removes any other Markdown page there (a command removed or
 * renamed), leaving the partials alone. Returns what changed, for the script to report.
 */
export function writePages(
  dir: string,
  pages: readonly ReferencePage[],
): { written: string[]; removed: string[] } {
  mkdirSync(dir, { recursive: true });
  const before = readPages(dir);
  const wanted = new Set(pages.map((p) => p.file));
  const removed = [...before.keys()].filter((name) => !wanted.has(name)).sort();
  for (const name of removed) rmSync(join(dir, name));
  const written: string[] = [];
  for (const p of pages) {
    if (before.get(p.file) === p.text) continue;
    writeFileSync(join(dir, p.file), p.text);
    written.push(p.file);
  }
  return { written, removed };
}
