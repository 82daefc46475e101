import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The README a newcomer reads in one sitting, and the links that carry them into docs/. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const README = join(ROOT, 'README.md');
const MAX_README_BYTES = 16_384;

/** README.md and every Markdown file under docs/, as absolute paths. */
function docFiles(): string[] {
  const found = [README];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.md')) found.push(path);
    }
  };
  walk(join(ROOT, 'docs'));
  return found;
}

/** The text outside fenced code blocks and inline code, where `[x](y)` is a link. */
function proseOf(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slugOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown file offers, with GitHub's `-1`, `-2` suffixes for repeated headings. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slugOf(match[1] ?? '');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

interface Link {
  readonly file: string;
  readonly target: string;
}

/** The relative links of a file: inline `[text](target)` links, outside code. */
function relativeLinks(file: string): Link[] {
  const prose = proseOf(readFileSync(file, 'utf8'));
  const links: Link[] = [];
  for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    links.push({ file, target });
  }
  return links;
}

/** Why a link is broken, or undefined when it reaches an existing file and heading. */
function brokenReason({ file, target }: Link): string | undefined {
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart));
  if (!existsSync(path)) return `no file ${relative(ROOT, path)}`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!path.endsWith('.md')) return `an anchor (#${anchor}) into a file that is not Markdown`;
  const anchors = anchorsOf(readFileSync(path, 'utf8'));
  return anchors.has(anchor) ? undefined : `no heading #${anchor} in ${relative(ROOT, path)}`;
}

describe('README.md', () => {
  it(`is at most ${MAX_README_BYTES} bytes, so a newcomer reads it in one sitting`, () => {
    const bytes = statSync(README).size;
    expect(bytes, `README.md is ${bytes} bytes: move detail into docs/`).toBeLessThanOrEqual(
      MAX_README_BYTES,
    );
  });

  it('starts with the quick start and the test command, before any other section', () => {
    const text = readFileSync(README, 'utf8');
    const firstSection = text.indexOf('\n## ');
    const quickStart = text.indexOf('node bin/enablex.js --emulator room create');
    const tests = text.indexOf('```sh\nnpm test\n```');
    expect(quickStart).toBeGreaterThan(0);
    expect(tests).toBeGreaterThan(quickStart);
    expect(firstSection).toBeGreaterThan(tests);
  });

  it('has an exit-code table with every exit code', () => {
    const text = readFileSync(README, 'utf8');
    for (const code of [0, 1, 2, 3, 4, 5, 6, 8, 130])
      expect(text).toMatch(new RegExp(`^\\| ${code}\\s+\\|`, 'm'));
  });
});

describe('links in README.md and docs/', () => {
  it('finds the documentation files and their links', () => {
    const files = docFiles().map((f) => relative(ROOT, f));
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'docs/commands/README.md', 'docs/emulator.md']),
    );
    expect(docFiles().flatMap(relativeLinks).length).toBeGreaterThan(20);
  });

  it.each(docFiles().map((f) => [relative(ROOT, f), f]))(
    'every relative link in %s points at an existing file and heading',
    (_name, file) => {
      const broken = relativeLinks(file)
        .map((link) => ({ link: link.target, reason: brokenReason(link) }))
        .filter((b) => b.reason !== undefined);
      expect(broken).toEqual([]);
    },
  );
});

describe('the link checker', () => {
  it('makes the anchors GitHub makes', () => {
    expect(slugOf('room export and room apply: declarative rooms')).toBe(
      'room-export-and-room-apply-declarative-rooms',
    );
    expect(slugOf("The library: `import { startEmulator } from 'enablex-cli/emulator'`")).toBe(
      'the-library-import--startemulator--from-enablex-cliemulator',
    );
    expect(slugOf('room create -i: the wizard')).toBe('room-create--i-the-wizard');
    expect(anchorsOf('# A\n\n## A\n\n```\n# not a heading\n```\n')).toEqual(new Set(['a', 'a-1']));
  });

  it('reports a missing file and a missing heading', () => {
    const file = join(ROOT, 'docs', 'network.md');
    expect(brokenReason({ file, target: 'no-such-page.md' })).toBe('no file docs/no-such-page.md');
    expect(brokenReason({ file, target: '#no-such-heading' })).toBe(
      'no heading #no-such-heading in docs/network.md',
    );
    expect(brokenReason({ file, target: '../README.md#exit-codes' })).toBeUndefined();
  });

  it('ignores links inside code', () => {
    expect(proseOf('see `[x](missing.md)` and\n```md\n[y](gone.md)\n```\n[z](ok.md)')).not.toMatch(
      /missing|gone/,
    );
  });
});
