import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ResponseTooLarge, maxResponseBytes, readCapped } from '../../src/http/body.js';

describe('maxResponseBytes', () => {
  it.each([
    [undefined, 64 * 1024 * 1024],
    ['', 64 * 1024 * 1024],
    ['1', 1024 * 1024],
    [' 4096 ', 4096 * 1024 * 1024],
  ])('ENABLEX_MAX_RESPONSE_MB=%j -> %d bytes', (raw, bytes) => {
    expect(maxResponseBytes(raw === undefined ? {} : { ENABLEX_MAX_RESPONSE_MB: raw })).toBe(bytes);
  });

  it.each(['0', '4097', '1.5', '-1', 'lots'])('%s is a usage error (exit 2) naming the variable', (raw) => {
    expect(() => maxResponseBytes({ ENABLEX_MAX_RESPONSE_MB: raw })).toThrow(
      expect.objectContaining({ exitCode: 2, message: expect.stringContaining('ENABLEX_MAX_RESPONSE_MB') }),
    );
  });
});

describe('readCapped', () => {
  it('reads a body up to the cap', async () => {
    await expect(readCapped(Readable.from([Buffer.from('ab'), 'cd']), 4, 'GET /x')).resolves.toBe('abcd');
  });

  it('stops one byte past the cap (exit 5)', async () => {
    const body = Readable.from([Buffer.from('abc'), Buffer.from('de')]);
    await expect(readCapped(body, 4, 'GET /x')).rejects.toBeInstanceOf(ResponseTooLarge);
    expect(body.destroyed).toBe(true);
  });

  it('refuses a declared Content-Length above the cap before reading', async () => {
    const body = Readable.from([Buffer.from('a')]);
    await expect(readCapped(body, 4, 'GET /x', '5')).rejects.toMatchObject({
      exitCode: 5,
      message: 'GET /x: the answer is larger than 4 bytes, the limit for one answer; stopped reading it.',
    });
  });
});
