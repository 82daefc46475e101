import { describe, expect, it } from 'vitest';
import nock from 'nock';
import { API_ORIGIN, runCli, tempConfigDir } from '../helpers/cli.js';
import { useNock } from '../helpers/nock.js';
import { Scrubber, hideKeys, isSecretKey, SECRET_KEYS } from '../../src/http/redact.js';
import { terminalSafe } from '../../src/output/escape.js';
import { STRADDLING, expectGraphemeCut } from '../helpers/graphemes.js';

const KEY = 'SuperSecretKey123';
const BASIC = Buffer.from(`app123:${KEY}`).toString('base64');

function scrubber(): Scrubber {
  const s = new Scrubber();
  s.addBasic('app123', KEY);
  s.addUrl('user:pr0xyPass@proxy.corp:3128');
  return s;
}

describe('Scrubber', () => {
  it.each([
    ['the value', `echo ${KEY} back`, `echo [REDACTED] back`],
    ['its base64', `b64 ${Buffer.from(KEY).toString('base64')}`, 'b64 [REDACTED]'],
    ['the Basic header of id:key', `Authorization: Basic ${BASIC}`, 'Authorization: Basic [REDACTED]'],
    ['the Basic value alone', `quoted ${BASIC} here`, 'quoted [REDACTED] here'],
    ['percent-encoded', `?k=${encodeURIComponent('pr0xyPass')}`, '?k=[REDACTED]'],
    ['a scheme-less proxy URL', 'via user:pr0xyPass@proxy.corp:3128', 'via ***@proxy.corp:3128'],
    ['any URL with credentials', 'GET http://a:bcdef@host/x', 'GET http://***@host/x'],
    ['a foreign Basic header', 'Basic Zm9vOmJhcmJheg==', 'Basic [REDACTED]'],
  ])('removes %s', (_what, text, expected) => {
    expect(scrubber().scrub(text)).toBe(expected);
  });

  it('removes secret-named values in JSON-like and query text, whatever their value', () => {
    const s = new Scrubber();
    expect(s.scrub('{"app_key": "abc" "password":"p@ss w" , "sip_password" : 5, "name":"x"}')).toBe(
      '{"app_key": "[REDACTED]" "password":"[REDACTED]" , "sip_password" : [REDACTED], "name":"x"}',
    );
    expect(s.scrub('GET /x?app_key=zzz&room=1&apiKey=q')).toBe(
      'GET /x?app_key=[REDACTED]&room=1&apiKey=[REDACTED]',
    );
  });

  it('leaves ordinary sentences alone', () => {
    const s = scrubber();
    for (const text of [
      'Check the recording user and password: they are the recording-file credentials.',
      '  export ENABLEX_BASE_URL=http://127.0.0.1:1/video/v2',
      'Error: GET /rooms: not found (HTTP 404)',
      'a@b.example wrote to user@example.com',
    ]) {
      expect(s.scrub(text)).toBe(text);
    }
  });

  it('ignores values too short to scrub safely', () => {
    const s = new Scrubber();
    s.add('ab');
    expect(s.scrub('abc tab')).toBe('abc tab');
  });
});

describe('secret key names', () => {
  it.each([
    ['app_key', true],
    ['APP_KEY', true],
    ['apiKey', true],
    ['x-api-key', true],
    ['private_key', true],
    ['pass', true],
    ['sip_password', true],
    ['client_secret', true],
    ['token', false],
    ['bypass', false],
    ['app_id', false],
    ['passenger', false],
  ])('%s -> %s', (key, secret) => {
    expect(isSecretKey(key, SECRET_KEYS)).toBe(secret);
  });

  it('hides the widened names in output, but keeps tokens', () => {
    const { value } = hideKeys({ apiKey: 'a', private_key: 'b', token: 't' }, SECRET_KEYS, '*');
    expect(value).toEqual({ apiKey: '*', private_key: '*', token: 't' });
  });
});

describe('every message on stderr passes the scrubber', () => {
  useNock();

  it('with credentials from a profile: the echoed key and Basic value never reach stderr', async () => {
    const cfg = tempConfigDir();
    try {
      const env = { ENABLEX_CONFIG_DIR: cfg.dir, ENABLEX_APP_ID: undefined, ENABLEX_APP_KEY: undefined };
      const key = 'ProfileAppKeyW2e4R6t8Y0u2I4o6P8a0S';
      const added = await runCli(
        [
          'profile',
          'add',
          'p',
          '--app-id',
          'app123',
          '--app-key-stdin',
          '--base-url',
          `${API_ORIGIN}/video/v2`,
          // The profile is the setup here; its credential check is tested with profile add.
          '--no-verify',
        ],
        { env, stdin: `${key}\n` },
      );
      expect(added.code).toBe(0);
      const basic = Buffer.from(`app123:${key}`).toString('base64');
      nock(API_ORIGIN)
        .get('/video/v2/rooms')
        .reply(500, `upstream said: key=${key} auth=${basic} b64=${Buffer.from(key).toString('base64')}`);
      const r = await runCli(['room', 'list', '--verbose'], { env });
      expect(r.code).toBe(5);
      expect(r.stderr).toContain('upstream said');
      for (const secret of [key, basic, Buffer.from(key).toString('base64')]) {
        expect(r.stderr).not.toContain(secret);
      }
    } finally {
      cfg.cleanup();
    }
  });
});

describe('Scrubber: escaped forms of a secret', () => {
  const key = 'Ab"c\\d/e+f=gZZ9';
  const s = new Scrubber();
  s.add(key);
  const json = JSON.stringify(key).slice(1, -1);
  it.each([
    ['JSON-escaped', json],
    ['JSON-escaped with \\/', json.replace(/\//g, '\\/')],
    ['as the terminal shows the JSON form', terminalSafe(json)],
    ['percent-encoded, lower case', encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())],
    ['as a form value', new URLSearchParams({ k: key }).toString().slice(2)],
    ['JSON-escaped base64', JSON.stringify(Buffer.from(key).toString('base64')).slice(1, -1)],
  ])('%s', (_what, form) => {
    expect(s.scrub(`you sent ${form}!`)).toBe('you sent [REDACTED]!');
  });
});

describe('Scrubber: text cut short', () => {
  const key = 'SuperSecretKey123';
  const b64 = Buffer.from(key).toString('base64');
  const s = new Scrubber();
  s.add(key);

  it('scrubs the whole text before cutting it: the key across the cut is not left half-shown', () => {
    expect(s.cut(`${'A'.repeat(110)}${key} tail`, 120)).toBe(`${'A'.repeat(110)}[REDACTED]…`);
    expect(s.cut(`${'A'.repeat(110)}${key} ${'B'.repeat(20)}`, 125)).toBe(
      `${'A'.repeat(110)}[REDACTED] BBBB…`,
    );
  });

  it('keeps a [REDACTED] mark whole when the cut lands in it', () => {
    expect(s.cut(`${'A'.repeat(10)}${key} ${'B'.repeat(20)}`, 14)).toBe(`${'A'.repeat(10)}[REDACTED]…`);
  });

  it.each([
    ['the key', key.slice(0, 10)],
    ['its base64', b64.slice(0, 12)],
    ['its base64, 4 characters', b64.slice(0, 4)],
  ])('redacts the beginning of %s left at the cut', (_what, partial) => {
    expect(s.cut(`${'A'.repeat(100)} ${partial}zzzzzzzz`, 101 + partial.length)).toBe(
      `${'A'.repeat(100)} [REDACTED]…`,
    );
  });

  it('text cut elsewhere (ending in …) loses a secret beginning at the cut, on any stream it passes', () => {
    expect(s.scrub(`server error: AAAA${key.slice(0, 10)}… (HTTP 502)`)).toBe(
      'server error: AAAA[REDACTED]… (HTTP 502)',
    );
    expect(s.scrub(`b64=${b64.slice(0, 12)}… end`)).toBe('b64=[REDACTED]… end');
  });

  it('leaves text alone when what ends at the cut is shorter than 4 characters or begins no secret', () => {
    expect(s.scrub('Listing rooms…')).toBe('Listing rooms…');
    expect(s.scrub('AAAA Sup…')).toBe('AAAA Sup…');
  });
  it.each(STRADDLING)(
    'cuts between graphemes: %s (%s) straddling the cut, %i unit(s) before it, is left out whole',
    (_what, cluster, before) => {
      const text = `${'A'.repeat(120 - before)}${cluster} tail`;
      const cut = s.cut(text, 120);
      expect(cut).toBe(`${'A'.repeat(120 - before)}…`);
      expectGraphemeCut(text, cut);
    },
  );

  it('still keeps a [REDACTED] mark whole and drops a secret beginning when an emoji sits at the cut', () => {
    expect(s.cut(`${'😀'.repeat(5)}${key} ${'B'.repeat(20)}`, 14)).toBe(`${'😀'.repeat(5)}[REDACTED]…`);
    expect(s.cut(`${'A'.repeat(100)} ${key.slice(0, 10)}😀 zz`, 112)).toBe(`${'A'.repeat(100)} [REDACTED]…`);
  });
});
