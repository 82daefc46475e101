import { describe, expect, it } from 'vitest';
import { SECRET_KEYS, Scrubber, hideKeys, redactBody, redactJson } from '../../src/http/redact.js';
import { printable } from '../../src/commands/dialin/secrets.js';

const SAMPLE = {
  app_id: 'a1',
  APP_KEY: 'k',
  appkey: '',
  token: 't',
  sip: { username: 'u', Password: 'p', sip_password: null },
  list: [{ secret: 's' }, { authorization: 'Basic x' }],
};

describe('hideKeys', () => {
  it('replaces non-empty values of the keys, any case, at any depth, and names their paths', () => {
    expect(hideKeys(SAMPLE, SECRET_KEYS, '*')).toEqual({
      value: {
        app_id: 'a1',
        APP_KEY: '*',
        appkey: '',
        token: 't',
        sip: { username: 'u', Password: '*', sip_password: null },
        list: [{ secret: '*' }, { authorization: 'Basic x' }],
      },
      hidden: ['APP_KEY', 'sip.Password', 'list[0].secret'],
    });
  });

  it('leaves the input and non-objects untouched', () => {
    const copy = structuredClone(SAMPLE);
    hideKeys(SAMPLE, SECRET_KEYS, '*');
    expect(SAMPLE).toEqual(copy);
    expect(hideKeys('app_key', SECRET_KEYS, '*')).toEqual({ value: 'app_key', hidden: [] });
    expect(hideKeys(null, SECRET_KEYS, '*')).toEqual({ value: null, hidden: [] });
  });
});

describe('redactJson and redactBody (the verbose log)', () => {
  it('also hide tokens and authorization values', () => {
    expect(redactJson(SAMPLE)).toEqual({
      app_id: 'a1',
      APP_KEY: '[REDACTED]',
      appkey: '',
      token: '[REDACTED]',
      sip: { username: 'u', Password: '[REDACTED]', sip_password: null },
      list: [{ secret: '[REDACTED]' }, { authorization: '[REDACTED]' }],
    });
    expect(redactBody('{"token":"t","room_id":"r"}')).toBe('{"token":"[REDACTED]","room_id":"r"}');
  });
});

describe('printable (output)', () => {
  it('hides account secrets but not tokens, with a note naming them', () => {
    const notes: string[] = [];
    const shown = printable(SAMPLE, false, { note: (m: string) => void notes.push(m) });
    expect(shown).toMatchObject({ APP_KEY: '[hidden]', token: 't', sip: { Password: '[hidden]' } });
    expect(notes).toEqual([
      'Hidden: APP_KEY, sip.Password, list[0].secret (pass --show-secrets to show them).',
    ]);
  });

  it('shows everything, with no note, when asked to', () => {
    const notes: string[] = [];
    expect(printable(SAMPLE, true, { note: (m: string) => void notes.push(m) })).toBe(SAMPLE);
    expect(printable({ a: 1 }, false, { note: (m: string) => void notes.push(m) })).toEqual({ a: 1 });
    expect(notes).toEqual([]);
  });
});

describe('redactBody with known secrets', () => {
  const key = 'SuperSecretKey123';
  const s = new Scrubber();
  s.add(key);
  it('scrubs a long text body before cutting it at 200 characters', () => {
    const text = `${'A'.repeat(195)}${key}${'C'.repeat(30)}`;
    expect(redactBody(text, s)).toBe(`${'A'.repeat(195)}[REDACTED]… (${text.length} bytes)`);
  });
  it('scrubs the key from a JSON body, JSON-escaped forms too', () => {
    const odd = 'Ab"c\\d/e+f=gZZ9';
    const t = new Scrubber();
    t.add(odd);
    expect(redactBody(JSON.stringify({ error: `you sent ${odd}` }), t)).toBe(
      '{"error":"you sent [REDACTED]"}',
    );
  });
});
