import fc from 'fast-check';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeBaseUrl } from '../../src/api/base-url.js';
import { isUnderBase } from '../../src/api/request.js';
import { parsePath } from '../../src/commands/api/input.js';
import { UsageError } from '../../src/lib/errors.js';
import { API_ORIGIN, TEST_ENV, runCli } from '../helpers/cli.js';

const BASE = normalizeBaseUrl(TEST_ENV.ENABLEX_BASE_URL);

/** Pieces an attacker would splice into a path: schemes, slashes, dots, escapes, control characters. */
const piece = fc.oneof(
  fc.constantFrom(
    '/',
    '//',
    '.',
    '..',
    '%2e',
    '%2E%2e',
    '%2f',
    '%5c',
    '%00',
    ':',
    '\\',
    '@',
    '?',
    '#',
    '%',
    'http:',
    'https://evil.test',
    'h\nttp:',
    'ht\ttp:',
    '\t',
    '\r',
    '\n',
    '\u001f',
    '\u001b',
    '\u0000',
    '\u007f',
    ' ',
    '\u00a0',
    '\u3000',
    '\uff0f',
    '\u2044',
    'rooms',
    'evil.test',
    'video',
    'v2',
    'a',
  ),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
const hostilePath = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

describe('any path given to `api` stays under the base URL, or is refused', () => {
  it('parsePath: a UsageError, or a path that resolves under the base URL', () => {
    fc.assert(
      fc.property(hostilePath, (raw) => {
        let path: string;
        try {
          path = parsePath(raw);
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          return;
        }
        expect([...raw].some((ch) => ch <= '\u001f' || ch === '\u007f')).toBe(false);
        expect(isUnderBase(new URL(path, BASE), BASE)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  describe('the whole command, in-process', () => {
    const strays: string[] = [];
    const onStray = (req: { options?: { host?: string; path?: string }; path?: string; host?: string }) => {
      strays.push(`${req.options?.host ?? req.host ?? '?'}${req.options?.path ?? req.path ?? ''}`);
    };
    beforeAll(() => {
      nock.disableNetConnect();
      nock.emitter.on('no match', onStray);
    });
    afterAll(() => {
      nock.emitter.removeListener('no match', onStray);
      nock.cleanAll();
      nock.enableNetConnect();
    });

    it('exit 2 with nothing sent, or one request to the base URL', async () => {
      await fc.assert(
        fc.asyncProperty(hostilePath, async (raw) => {
          const sent: string[] = [];
          nock.cleanAll();
          strays.length = 0;
          nock(API_ORIGIN)
            .get(() => true)
            .reply(200, function () {
              sent.push(this.req.path);
              return { result: 0 };
            });
          const r = await runCli(['api', 'get', raw]);
          expect(strays).toEqual([]);
          if (r.code === 2) {
            expect(sent).toEqual([]);
          } else {
            expect(sent).toHaveLength(1);
            expect(isUnderBase(new URL(sent[0]!, API_ORIGIN), BASE)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe('isUnderBase', () => {
  it.each([
    ['https://api.enablex.test/video/v2/rooms', true],
    ['https://api.enablex.test/video/v2/', true],
    ['https://api.enablex.test/video/v2', true],
    ['https://api.enablex.test/video/v20/x', false],
    ['https://api.enablex.test/video/x', false],
    ['http://api.enablex.test/video/v2/rooms', false],
    ['https://api.enablex.test:444/video/v2/rooms', false],
    ['https://evil.test/video/v2/rooms', false],
    ['https://u:p@api.enablex.test/video/v2/rooms', false],
  ])('%s -> %s', (url, under) => {
    expect(isUnderBase(new URL(url), BASE)).toBe(under);
  });
});
