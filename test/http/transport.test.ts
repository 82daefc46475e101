import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src/http/network-error.js';
import { Scrubber } from '../../src/http/redact.js';
import { basicAuth, createTransport } from '../../src/http/transport.js';
import { useNock } from '../helpers/nock.js';

useNock();

const ORIGIN = 'https://transport.enablex.test';

describe('basicAuth', () => {
  it.each([
    ['app123', 'key', 'Basic YXBwMTIzOmtleQ=='],
    ['rec', 'pä:ss', 'Basic cmVjOnDDpDpzcw=='],
    ['', '', 'Basic Og=='],
  ])('%s / %s -> %s', (user, pass, header) => {
    expect(basicAuth(user, pass)).toBe(header);
  });
});

describe('createTransport', () => {
  it('logs the request and the answer head with secrets redacted (beforeRequest hook)', async () => {
    // The secret sits where no key name gives it away: only the Scrubber, matching values, hides it.
    nock(ORIGIN).post('/x').query({ q: 'pw-secret-123' }).reply(200, 'ok', { 'content-type': 'text/plain' });
    const lines: string[] = [];
    const secrets = new Scrubber();
    secrets.add('pw-secret-123');
    const transport = createTransport({
      authorization: basicAuth('u', 'pw-secret-123'),
      userAgent: 'enablex-cli/test',
      timeoutMs: 2000,
      env: {},
      log: (l) => lines.push(l),
      secrets,
    });
    const { stream, head } = await transport.open(new URL(`${ORIGIN}/x?q=pw-secret-123`), {
      method: 'POST',
      headers: { accept: 'application/json', 'x-note': 'copy of pw-secret-123' },
      body: '{"name":"n","description":"the key is pw-secret-123, keep it"}',
    });
    stream.resume();
    expect(head.statusCode).toBe(200);
    const log = lines.join('\n');
    expect(log).toContain(`> POST ${ORIGIN}/x?q=[REDACTED]`);
    expect(log).toContain('> x-note: copy of [REDACTED]');
    expect(log).toContain('> {"name":"n","description":"the key is [REDACTED], keep it"}');
    expect(log).toContain('> authorization: Basic [REDACTED]');
    expect(log).toContain('> user-agent: enablex-cli/test');
    expect(log).not.toContain('accept-encoding');
    expect(log).toMatch(/< 200 OK \(\d+ ms\)/);
    expect(log).toContain('< content-type: text/plain');
    expect(log).not.toContain('pw-secret-123');
    transport.close();
  });

  it('shows the URL as the caller asks (a file URL without its query)', async () => {
    nock(ORIGIN).get('/f?sig=abc').reply(200, 'x');
    const lines: string[] = [];
    const transport = createTransport({
      authorization: 'Basic eA==',
      userAgent: 't',
      timeoutMs: 2000,
      env: {},
      log: (l) => lines.push(l),
    });
    const { stream } = await transport.open(new URL(`${ORIGIN}/f?sig=abc`), {
      method: 'GET',
      headers: {},
      display: (u) => `${u.origin}${u.pathname}?…`,
    });
    stream.resume();
    expect(lines[0]).toBe(`> GET ${ORIGIN}/f?…`);
    expect(lines.join('\n')).not.toContain('sig=abc');
  });

  it('turns a got error into a TransportError with its code (beforeError hook)', async () => {
    nock(ORIGIN)
      .get('/x')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const transport = createTransport({
      authorization: 'Basic eA==',
      userAgent: 't',
      timeoutMs: 2000,
      env: {},
    });
    const failure = await transport
      .open(new URL(`${ORIGIN}/x`), { method: 'GET', headers: {} })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(TransportError);
    expect(failure).toMatchObject({ code: 'ECONNRESET', exitCode: 5 });
  });
});
