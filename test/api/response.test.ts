import { describe, expect, it } from 'vitest';
import { cleanApiMessage, interpret } from '../../src/api/response.js';
import { jsonDepth } from '../../src/http/json-depth.js';
import { Scrubber } from '../../src/http/redact.js';
import { STRADDLING, expectGraphemeCut } from '../helpers/graphemes.js';

describe('interpret: success and failure as NOTES.md decides', () => {
  it.each([
    ['number 0 result', 200, '{"result":0,"rooms":[]}', true],
    ['string "0" result', 200, '{"result":"0","cdr":[]}', true],
    ['no result key (dial-in)', 200, '{"_id":"x","app_key":"k"}', true],
    ['null result', 200, '{"result":null,"x":1}', true],
    [
      'string error result',
      200,
      '{"result":"50001","error":"[Reason] Failed to create Room","desc":""}',
      false,
    ],
    ['number error result', 200, '{"result":40001,"error":"Room not found"}', false],
    ['empty string result', 200, '{"result":""}', false],
    ['404 with a zero result', 404, '{"result":0}', false],
    ['500 without a body', 500, '', false],
  ])('%s', (_name, status, body, ok) => {
    expect(interpret('GET', '/rooms', status, body).ok).toBe(ok);
  });

  it('keeps the code and strips the [Reason] prefix', () => {
    const r = interpret(
      'POST',
      '/rooms',
      200,
      '{"result":"50001","error":"[Reason] Failed to create Room","desc":""}',
    );
    expect(r).toEqual({
      ok: false,
      unreadable: false,
      failure: {
        status: 200,
        method: 'POST',
        path: '/rooms',
        result: '50001',
        apiMessage: 'Failed to create Room',
        body: { result: '50001', error: '[Reason] Failed to create Room', desc: '' },
      },
    });
  });

  it('adds desc when it says more than error', () => {
    const r = interpret('GET', '/x', 400, '{"result":"10005","error":"Invalid","desc":"bad format"}');
    expect(r.ok === false && r.failure.apiMessage).toBe('Invalid (bad format)');
  });

  it('treats a non-JSON 2xx body as unreadable', () => {
    const r = interpret('GET', '/rooms', 200, '<html>Bad gateway</html>');
    expect(r.ok === false && r.unreadable).toBe(true);
  });

  it('treats a non-JSON error body as a plain failure with a snippet', () => {
    const r = interpret('GET', '/rooms', 502, 'upstream   connect error');
    expect(r.ok === false && !r.unreadable && r.failure.apiMessage).toBe('upstream connect error');
  });

  it.each([
    ['<html>Bad gateway</html>', 'the server answered an HTML page'],
    [
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      'the server answered an HTML page (502 Bad Gateway)',
    ],
    [
      '<!DOCTYPE html><html><body><h1>Service &amp; Unavailable</h1></body></html>',
      'the server answered an HTML page (Service & Unavailable)',
    ],
  ])('sums up an HTML error page by its title: %j', (html, message) => {
    const r = interpret('GET', '/rooms', 502, html);
    expect(r.ok === false && r.failure.apiMessage).toBe(message);
  });

  it('accepts an empty body on PATCH and DELETE only', () => {
    expect(interpret('DELETE', '/rooms/x', 204, '').ok).toBe(true);
    expect(interpret('GET', '/rooms', 200, '').ok).toBe(false);
  });

  it('cleans messages', () => {
    expect(cleanApiMessage('[Reason] x')).toBe('x');
    expect(cleanApiMessage('  ')).toBeUndefined();
    expect(cleanApiMessage(3)).toBeUndefined();
  });
});

describe('deeply nested JSON', () => {
  it('counts nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(jsonDepth('"\\"[["')).toBe(0);
  });

  it('is an unreadable answer beyond 256 levels, before it is parsed', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const meaning = interpret('GET', '/rooms', 200, deep);
    expect(meaning).toMatchObject({ ok: false, unreadable: true });
    const ok = interpret('GET', '/rooms', 200, '['.repeat(200) + ']'.repeat(200));
    expect(ok.ok).toBe(true);
  });
});

describe('interpret: a body that is not JSON', () => {
  it('is scrubbed whole and then cut to 120 characters by the given cut', () => {
    const key = 'SuperSecretKey123';
    const s = new Scrubber();
    s.add(key);
    const r = interpret('GET', '/rooms', 502, `${'A'.repeat(110)}${key}${'C'.repeat(50)}`, (t, max) =>
      s.cut(t, max),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.failure.apiMessage).toBe(`${'A'.repeat(110)}[REDACTED]…`);
  });

  it('is marked … when cut, so the stderr scrubber sees where it was cut', () => {
    const r = interpret('GET', '/rooms', 502, 'x'.repeat(130));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.failure.apiMessage).toBe(`${'x'.repeat(120)}…`);
  });
});

describe('interpret: text quoted from a body is cut between graphemes', () => {
  const message = (r: ReturnType<typeof interpret>) => (r.ok ? undefined : r.failure.apiMessage);

  it.each(STRADDLING)(
    'a snippet with %s (%s) straddling character 120, %i unit(s) before it',
    (_w, cluster, before) => {
      const text = `${'A'.repeat(120 - before)}${cluster} and more`;
      const shown = message(interpret('GET', '/rooms', 502, text)) ?? '';
      expect(shown).toBe(`${'A'.repeat(120 - before)}…`);
      expectGraphemeCut(text, shown);
    },
  );

  it.each(STRADDLING)(
    'an HTML title with %s (%s) straddling character 80, %i unit(s) before it',
    (_w, cluster, before) => {
      const title = `${'T'.repeat(80 - before)}${cluster} and more`;
      const shown = message(interpret('GET', '/rooms', 502, `<html><title>${title}</title></html>`)) ?? '';
      expect(shown).toBe(`the server answered an HTML page (${'T'.repeat(80 - before)})`);
      expectGraphemeCut(title, /\((.*)\)$/.exec(shown)?.[1] ?? '');
    },
  );
});
