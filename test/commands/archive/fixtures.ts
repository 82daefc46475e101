import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import nock from 'nock';
import { API_ORIGIN } from '../../helpers/cli.js';

/** The file host of the tests' archive URLs. */
export const FILES = 'https://files.enablex.test';
/** A room id as the API gives them. */
export const ROOM = '5f3b2c1a9d8e7f6a5b4c3d2e';
/** Recording credentials; the password must never show in any output. */
export const REC_USER = 'rec-user';
export const REC_PASSWORD = 'S3cr3t-Rec-Pa55word';
/** The environment of a run that has recording credentials. */
export const REC_ENV = { ENABLEX_RECORDING_USER: REC_USER, ENABLEX_RECORDING_PASSWORD: REC_PASSWORD };
/** The session folder of ENTRY. */
export const FOLDER = `2026-11-20_${ROOM}_1234567`;

/** One session with files of all four kinds. */
export const ENTRY = {
  _id: 'a1',
  trans_date: '2026-11-20T10:00:00.000Z',
  conf_num: '1234567',
  app_id: 'app',
  room_id: ROOM,
  recording: [{ url: `${FILES}/rec/a.mkv` }, { url: `${FILES}/rec/b.mkv` }],
  transcoded: [{ url: `${FILES}/trans/out.mov` }],
  chatdata: `${FILES}/chat/chatdata.json`,
  metadata: `${FILES}/meta/metadata.json`,
};

/** Where each file of ENTRY goes, and the body the file host serves for it. */
export const ENTRY_FILES: [path: string, urlPath: string, body: string][] = [
  [`${FOLDER}/recording-1-a.mkv`, '/rec/a.mkv', 'recording a bytes'],
  [`${FOLDER}/recording-2-b.mkv`, '/rec/b.mkv', 'recording b'],
  [`${FOLDER}/transcoded-1-out.mov`, '/trans/out.mov', 'transcoded movie'],
  [`${FOLDER}/chatdata-1-chatdata.json`, '/chat/chatdata.json', '{"chat":[]}'],
  [`${FOLDER}/metadata-1-metadata.json`, '/meta/metadata.json', '{"meta":1}'],
];

/** Stubs the archive listing of `--conf 1234567`. */
export function stubListing(entries: unknown[] = [ENTRY]): void {
  nock(API_ORIGIN).get('/video/v2/archive/conf/1234567').reply(200, { result: '0', archive: entries });
}

/** Stubs the file host for each file, behind the recording credentials. */
export function stubFiles(files = ENTRY_FILES): void {
  for (const [, urlPath, body] of files) {
    nock(FILES)
      .get(urlPath)
      .basicAuth({ user: REC_USER, pass: REC_PASSWORD })
      .reply(200, body, { 'content-length': String(Buffer.byteLength(body)) });
  }
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}
