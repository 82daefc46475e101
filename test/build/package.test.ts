import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** What `npm pack` would put in the tarball (`npm test` builds first; scripts off so no rebuild). */
interface PackFile {
  path: string;
  size: number;
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(
  execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
) as [{ size: number; unpackedSize: number; files: PackFile[] }];
const paths = pack.files.map((f) => f.path);
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
};

/** A path in the tarball, without a leading `./`. */
const inPack = (p: string) => paths.includes(p.replace(/^\.\//, ''));

describe('the npm package', () => {
  it('holds the bin and the bundle it loads', () => {
    for (const target of Object.values(pkg.bin)) expect(inPack(target), target).toBe(true);
    const bin = readFileSync(`${root}/bin/enablex.js`, 'utf8');
    for (const [, rel] of bin.matchAll(/import\('\.\.\/([^']+)'\)/g)) expect(inPack(rel!), rel).toBe(true);
    expect(paths.filter((p) => p.startsWith('dist/bundle/chunks/')).length).toBeGreaterThan(0);
  });

  it('holds the pages the README links to, and the licence', () => {
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    for (const [, rel] of readme.matchAll(/\]\((docs\/[^)#\s]+)/g)) expect(inPack(rel!), rel).toBe(true);
    expect(inPack('LICENSE')).toBe(true);
  });

  it('resolves every export, with its types', () => {
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['.', './emulator']));
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') expect(inPack(target), key).toBe(true);
      else {
        expect(inPack(target.default), `${key} default`).toBe(true);
        expect(inPack(target.types), `${key} types`).toBe(true);
      }
    }
  });

  it('ships no source map without the sources it points at', () => {
    for (const map of paths.filter((p) => p.endsWith('.map'))) {
      const parsed = JSON.parse(readFileSync(`${root}/${map}`, 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      const inlined = parsed.sourcesContent?.filter((s) => typeof s === 'string').length ?? 0;
      expect(inlined, `${map} has sourcesContent for every source`).toBe(parsed.sources.length);
    }
  });

  it('holds no tests, sources, build metadata, secrets or local state', () => {
    const unwanted = paths.filter(
      (p) =>
        /(^|\/)(test|tests|__snapshots__|src|bench|coverage|node_modules)\//.test(p) ||
        /\.test\.[cm]?[jt]s$|\.snap$|\.tsbuildinfo$|(^|\/)meta\.json$/.test(p) ||
        /(^|\/)(\.env[^/]*|\.npmrc|.*\.pem|.*\.key|credentials[^/]*|config\.json|state\.json|\.enablex[^/]*)$/.test(
          p,
        ) ||
        /(^|\/)\.enablex-tmp\//.test(p) ||
        /\.(tgz|log)$/.test(p),
    );
    expect(unwanted).toEqual([]);
  });

  it('stays small: under 1.5 MB packed and 4 MB unpacked', () => {
    expect(pack.size).toBeLessThan(1_500_000);
    expect(pack.unpackedSize).toBeLessThan(4_000_000);
  });

  it('is built: package.json, README, CHANGELOG and completions are in it', () => {
    for (const p of ['package.json', 'README.md', 'CHANGELOG.md', 'completions/enablex.bash'])
      expect(inPack(p), p).toBe(true);
    expect(existsSync(`${root}/dist/main.d.ts`)).toBe(true);
  });
});
