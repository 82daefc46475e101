import { describe, expect, it } from 'vitest';
import { makeFactory } from './helpers/factory.js';

describe('Factory.withOptions', () => {
  it('prints with the other options on the same terminal', () => {
    const { f, ctx } = makeFactory({
      verb: { columns: ['a'], behaviour: { reportsLoosePermissions: true } },
    });
    const json = f.withOptions({ format: 'json' });
    json.io.data({ a: 1 });
    f.io.data({ a: 2 });
    // JSON from the other factory, then the original's key/value table, on the one stdout.
    expect(ctx.out.text).toBe('{\n  "a": 1\n}\na  2\n');
    expect(json.options.format).toBe('json');
    expect(f.options.format).toBe('table');
  });

  it('keeps the environment, clock, signal, verb and secrets', () => {
    const { f } = makeFactory({ env: { EXTRA: 'x' }, verb: { columns: ['a', 'b'], path: ['p'] } });
    const other = f.withOptions({ quiet: true, profile: 'prod' });
    expect(other.env).toBe(f.env);
    expect(other.signal).toBe(f.signal);
    expect(other.clock.now().getTime()).toBe(f.clock.now().getTime());
    expect(other.verb).toBe(f.verb);
    expect(other.secrets).toBe(f.secrets);
    expect(other.version).toBe(f.version);
    expect(other.options).toMatchObject({ quiet: true, profile: 'prod' });
    expect(f.options.quiet).toBe(false);
    expect(f.options.profile).toBeUndefined();
  });

  it('resolves its own credentials from its options', async () => {
    const { f } = makeFactory();
    const other = f.withOptions({ baseUrl: 'https://api.other.test/video/v2' });
    expect((await other.credentials()).baseUrl).toBe('https://api.other.test/video/v2');
    expect((await f.credentials()).baseUrl).toBe('https://api.enablex.test/video/v2');
  });
});
