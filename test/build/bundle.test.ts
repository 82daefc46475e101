import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** esbuild's metafile of the bundle that bin/enablex.js runs (`npm test` builds first). */
interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }>;
}
const root = new URL('../../', import.meta.url);
const meta = JSON.parse(readFileSync(new URL('dist/bundle/meta.json', root), 'utf8')) as Meta;

/** Every source file that loading `entry` evaluates: its static imports, transitively. */
function loadedBy(entry: string): string[] {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement') walk(i.path);
  };
  walk(entry);
  return [...seen].flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
}

describe('the bundle', () => {
  it('is what bin/enablex.js runs', () => {
    const bin = readFileSync(new URL('bin/enablex.js', root), 'utf8');
    expect(bin).toContain("import('../dist/bundle/main.js')");
    expect(bin).toContain('enableCompileCache');
  });

  it('starts with the command tree only: no runtime, HTTP client, store, prompts, spinner, YAML or table library', () => {
    const entry = Object.keys(meta.outputs).find((f) => f.endsWith('dist/bundle/main.js')) as string;
    const loaded = loadedBy(entry);
    expect(loaded).toContain('src/cli.ts');
    expect(loaded.some((f) => f.includes('node_modules/commander/'))).toBe(true);
    // Only tables and other terminal text need string-width, and only non-ASCII text its segmenter.
    for (const heavy of [
      'got',
      'conf',
      '@inquirer',
      'ora',
      'yaml',
      'cli-table3',
      'chalk',
      'string-width',
      'emoji-regex',
    ]) {
      expect(loaded.filter((f) => f.includes(`node_modules/${heavy}/`))).toEqual([]);
    }
    // The specs import only small constant modules: never a renderer, the completion generators or an API module.
    for (const lazy of [
      'src/factory.ts',
      'src/api/http.ts',
      'src/api/rooms.ts',
      'src/emulator/index.ts',
      'src/prompt.ts',
      'src/output/render.ts',
      'src/completion/index.ts',
      'src/commands/room-ref.ts',
    ]) {
      expect(loaded).not.toContain(lazy);
    }
  });

  it('gives each verb its own lazily loaded chunk', () => {
    const chunks = Object.keys(meta.outputs).filter((f) => f.endsWith('.js'));
    for (const verb of [
      'src/commands/room/list.ts',
      'src/commands/cdr/export.ts',
      'src/commands/room/wizard/wizard.ts',
    ]) {
      const holders = chunks.filter((c) => verb in (meta.outputs[c]?.inputs ?? {}));
      expect(holders).toHaveLength(1);
      expect(holders[0]).not.toMatch(/bundle\/main\.js$/);
    }
  });

  it('builds no Intl object while a library loads: ICU data is initialised only when text needs it', () => {
    // got's type checks (@sindresorhus/is) and string-width each made one at load time: 9 to 11 ms of
    // every command. The bundle builds them on first use; this loads their chunks and counts.
    const chunks = Object.keys(meta.outputs).filter((f) =>
      Object.keys(meta.outputs[f]?.inputs ?? {}).some((i) =>
        /^node_modules\/(@sindresorhus\/is|string-width)\//.test(i),
      ),
    );
    expect(chunks.length).toBeGreaterThan(0);
    const script = [
      'let made = [];',
      'for (const kind of ["ListFormat", "Segmenter", "DateTimeFormat", "NumberFormat", "Collator"]) {',
      '  const Real = Intl[kind];',
      '  Intl[kind] = new Proxy(Real, { construct(t, a) { made.push(kind); return Reflect.construct(t, a); } });',
      '}',
      'for (const c of JSON.parse(process.env.CHUNKS)) await import(c);',
      'process.stdout.write(JSON.stringify(made));',
    ].join('\n');
    const urls = chunks.map((c) => new URL(c, root).href);
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(root),
      env: { ...process.env, CHUNKS: JSON.stringify(urls) },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([]);
  });
});
