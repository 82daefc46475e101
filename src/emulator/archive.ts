import { objectId } from './ids.js';
import type { JsonObject } from './json.js';
import type { Random } from './prng.js';
import type { ArchiveRecord } from './state.js';
import { FILES_PREFIX } from './paths.js';

/** The archive entry of a finished session: one recording per user, one transcoded file, chat and metadata. */
export function buildArchive(p: {
  appId: string;
  confNum: string;
  roomId: string;
  endedAt: Date;
  callNums: string[];
  random?: Random;
}): ArchiveRecord {
  const dir = `${FILES_PREFIX}/${p.confNum}`;
  return {
    _id: objectId(p.endedAt, p.random),
    trans_date: p.endedAt.toISOString(),
    conf_num: p.confNum,
    app_id: p.appId,
    room_id: p.roomId,
    recording: p.callNums.map((c) => `${dir}/${c}.mkv`),
    transcoded: [`${dir}/${p.confNum}.mp4`],
    chatdata: `${dir}/chatdata.json`,
    metadata: `${dir}/metadata.json`,
  };
}

/** The entry as the API answers it: absolute file URLs on the origin the client used. */
export function renderArchive(record: ArchiveRecord, origin: string): JsonObject {
  return {
    _id: record._id,
    trans_date: record.trans_date,
    conf_num: record.conf_num,
    app_id: record.app_id,
    room_id: record.room_id,
    recording: record.recording.map((path) => ({ url: origin + path })),
    transcoded: record.transcoded.map((path) => ({ url: origin + path })),
    chatdata: origin + record.chatdata,
    metadata: origin + record.metadata,
  };
}
