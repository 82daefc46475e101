import { afterEach, describe, expect, it } from 'vitest';
import { DEV_CREDENTIALS } from '../../src/emulator/index.js';
import { AUTH, REC_AUTH, basic, list, start, stopAll, type Harness } from './helpers.js';

afterEach(stopAll);

/** A finished session's archive entry: its file URLs as paths on the emulator. */
async function archivePaths(
  h: Harness,
): Promise<{ recording: string; transcoded: string; chat: string; meta: string }> {
  const id = await h.room();
  await h.control('POST', `/rooms/${id}/simulate`, { users: 2 });
  const entry = list((await h.api('GET', `/archive/room/${id}`)).body, 'archive')[0] as Record<
    string,
    unknown
  >;
  const path = (url: unknown) => new URL(String(url)).pathname;
  return {
    recording: path((entry['recording'] as { url: string }[])[0]?.url),
    transcoded: path((entry['transcoded'] as { url: string }[])[0]?.url),
    chat: path(entry['chatdata']),
    meta: path(entry['metadata']),
  };
}

async function get(h: Harness, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(h.emu.origin + path, { headers });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('archive files', () => {
  it('need the recording credentials: 403 without them, with wrong ones, or with the API ones', async () => {
    const h = await start();
    const { recording } = await archivePaths(h);
    const attempts: Record<string, string>[] = [
      {},
      { authorization: basic(DEV_CREDENTIALS.recordingUser, 'wrong') },
      { authorization: AUTH },
    ];
    for (const headers of attempts) {
      expect((await get(h, recording, headers)).status).toBe(403);
    }
    expect((await get(h, recording, { authorization: REC_AUTH })).status).toBe(200);
  });

  it('come with Content-Length, ETag and Accept-Ranges, and the same bytes every time', async () => {
    const h = await start();
    const { recording, transcoded } = await archivePaths(h);
    const a = await get(h, recording, { authorization: REC_AUTH });
    expect(Number(a.headers.get('content-length'))).toBe(a.bytes.length);
    expect(a.bytes.length).toBeGreaterThanOrEqual(65_536);
    expect(a.headers.get('accept-ranges')).toBe('bytes');
    expect(a.headers.get('content-type')).toBe('video/x-matroska');
    expect(a.bytes.subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    const b = await get(h, recording, { authorization: REC_AUTH });
    expect(b.bytes.equals(a.bytes)).toBe(true);
    expect((await get(h, transcoded, { authorization: REC_AUTH })).bytes.subarray(4, 8).toString()).toBe(
      'ftyp',
    );
  });

  it('resume with Range: bytes=N- (206 and Content-Range); past the end is 416', async () => {
    const h = await start();
    const { recording } = await archivePaths(h);
    const full = await get(h, recording, { authorization: REC_AUTH });
    const size = full.bytes.length;
    const tail = await get(h, recording, { authorization: REC_AUTH, range: 'bytes=1000-' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes 1000-${size - 1}/${size}`);
    expect(Number(tail.headers.get('content-length'))).toBe(size - 1000);
    expect(tail.bytes.equals(full.bytes.subarray(1000))).toBe(true);
    const middle = await get(h, recording, { authorization: REC_AUTH, range: 'bytes=10-19' });
    expect(middle.bytes.equals(full.bytes.subarray(10, 20))).toBe(true);
    const past = await get(h, recording, { authorization: REC_AUTH, range: `bytes=${size}-` });
    expect([past.status, past.headers.get('content-range')]).toEqual([416, `bytes */${size}`]);
    const stale = await get(h, recording, {
      authorization: REC_AUTH,
      range: 'bytes=1000-',
      'if-range': '"other"',
    });
    expect(stale.status).toBe(200);
  });

  it('serve chat and metadata as JSON; unknown files are 404; HEAD has no body', async () => {
    const h = await start();
    const { chat, meta } = await archivePaths(h);
    const chatRes = await get(h, chat, { authorization: REC_AUTH });
    expect(Array.isArray(JSON.parse(chatRes.bytes.toString()))).toBe(true);
    const metaRes = await get(h, meta, { authorization: REC_AUTH });
    expect(JSON.parse(metaRes.bytes.toString())).toHaveProperty('conf_num');
    expect((await get(h, '/_files/10000099/none.mkv', { authorization: REC_AUTH })).status).toBe(404);
    const head = await fetch(h.emu.origin + meta, { method: 'HEAD', headers: { authorization: REC_AUTH } });
    expect(Number(head.headers.get('content-length'))).toBe(metaRes.bytes.length);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });
});
