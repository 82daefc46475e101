import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPath, pickPaths } from '../../src/output/flatten.js';
import { render } from '../../src/output/render.js';
import { API_ORIGIN, runCli, tempConfigDir } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';

useNock();

const ROOMS = [{ room_id: 'a1', name: 'Standup', settings: { mode: 'group' } }];
let cfg: ReturnType<typeof tempConfigDir>;
beforeEach(() => {
  cfg = tempConfigDir();
});
afterEach(() => cfg.cleanup());
const env = () => ({ ENABLEX_CONFIG_DIR: cfg.dir });

describe('--fields reads a record’s own fields only', () => {
  for (const field of ['toString', 'valueOf', 'settings.hasOwnProperty']) {
    for (const format of ['table', 'json', 'csv']) {
      it(`"${field}" is an unknown field (-o ${format}), exit 2, nothing printed`, async () => {
        nock(API_ORIGIN).get('/video/v2/rooms').reply(200, { result: 0, rooms: ROOMS });
        const r = await runCli(['room', 'list', '-o', format, '--fields', field], { env: env() });
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`--fields: no record has "${field}"`);
        expect(r.stdout).toBe('');
        expect(r.stdout + r.stderr).not.toContain('native code');
      });
    }
  }

  it('path lookups and renders never reach the prototype', () => {
    expect(getPath({ a: 1 }, 'toString')).toBeUndefined();
    expect(getPath({ a: { b: 1 } }, 'a.valueOf')).toBeUndefined();
    expect(pickPaths({ a: 1 }, ['a', 'toString'])).toEqual({ a: 1 });
    const csv = render([{ a: 1 }], { format: 'csv', fields: ['a', 'toString'] });
    expect(csv.split(/\r?\n/)).toEqual(['a,toString', '1,', '']);
    const table = render({ a: 1 }, { format: 'table', fields: ['toString'] });
    expect(table).not.toContain('native code');
  });
});
