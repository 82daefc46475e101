import { hashString, mulberry32, pick, seeded } from './prng.js';
import type { ArchiveRecord } from './state.js';

const SENDERS = ['Asha Rao', 'Ben Carter', 'Chen Wei', 'Dana Levi'];
const LINES = [
  'Hi all',
  'Can you hear me?',
  'Sharing my screen now',
  'Notes are in the doc',
  'Thanks, bye!',
  'One minute please',
];

/** The chat transcript of a session. */
function chat(owner: ArchiveRecord): unknown {
  const random = seeded(`chat:${owner.conf_num}`);
  const end = Date.parse(owner.trans_date);
  const count = 3 + Math.floor(random() * 6);
  return Array.from({ length: count }, (_, i) => ({
    timestamp: new Date(end - (count - i) * 45_000).toISOString(),
    sender: pick(random, SENDERS),
    message: pick(random, LINES),
  }));
}

/** The session's metadata file: what was recorded. */
function metadata(owner: ArchiveRecord): unknown {
  const names = (paths: string[]) => paths.map((p) => p.slice(p.lastIndexOf('/') + 1));
  return {
    conf_num: owner.conf_num,
    room_id: owner.room_id,
    app_id: owner.app_id,
    trans_date: owner.trans_date,
    recording: names(owner.recording),
    transcoded: names(owner.transcoded),
  };
}

/** Pseudo-random media bytes (64 to 256 KiB) with the right magic number, the same for the same path. */
function media(path: string): Buffer {
  const h = hashString(path);
  const size = 65_536 + (h % 196_608);
  const out = Buffer.alloc(size);
  const random = mulberry32(h);
  for (let i = 0; i + 4 <= size; i += 4) out.writeUInt32LE(Math.floor(random() * 4294967296), i);
  const magic = path.endsWith('.mkv')
    ? Buffer.from([0x1a, 0x45, 0xdf, 0xa3])
    : Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]);
  magic.copy(out, 0);
  return out;
}

/** The bytes of one archive file. */
export function fileBytes(owner: ArchiveRecord, path: string): Buffer {
  if (path.endsWith('/chatdata.json')) return Buffer.from(JSON.stringify(chat(owner), null, 2) + '\n');
  if (path.endsWith('/metadata.json')) return Buffer.from(JSON.stringify(metadata(owner), null, 2) + '\n');
  return media(path);
}
