import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/lib/shell.js';
import { formatUtc } from '../../src/lib/time.js';
import { MORE_FLAGS } from '../../src/commands/room/wizard/more.js';
import { BIN, requireTmuxAndBuild, TmuxSession } from './tmux.js';
import { tempDir, removeTempDir } from '../helpers/temp.js';

/**
 * The wizard in a real terminal: the built binary in tmux, typing as a person does, against a
 * local HTTP server that answers POST /video/v2/rooms as EnableX does and records what it got.
 */

const APP_ID = '5f3b2c1a9d8e7f6a5b4c3d2e';
const APP_KEY = 'k3yK3yk3yK3yk3yK3yk3yK3yk3yK3yk3yK3y';
const ROOM_ID = '6a1b2c3d4e5f6a7b8c9d0e1f';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  auth: string | undefined;
  body: unknown;
}

let server: Server;
let baseUrl: string;
let seen: Seen[];
let cwd: string;
let configDir: string;
let session: TmuxSession | undefined;

beforeAll(async () => {
  requireTmuxAndBuild();
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const body: unknown = text ? JSON.parse(text) : undefined;
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.method === 'POST' && req.url === '/video/v2/rooms') {
        res.end(JSON.stringify({ result: 0, room: { room_id: ROOM_ID, ...(body as object) } }));
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ result: '40001', error: 'Room not found', desc: '' }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/video/v2`;
});
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

beforeEach(() => {
  seen = [];
  cwd = tempDir('pty-cwd');
  configDir = tempDir('pty-config');
});
afterEach(() => {
  session?.kill();
  session = undefined;
  removeTempDir(cwd);
  removeTempDir(configDir);
});

/** The environment of the binary: credentials, the local server, India's time zone (or `tz`), nothing else. */
function env(tz = 'Asia/Kolkata'): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: cwd,
    TERM: 'xterm-256color',
    NO_COLOR: '1',
    TZ: tz,
    ENABLEX_APP_ID: APP_ID,
    ENABLEX_APP_KEY: APP_KEY,
    ENABLEX_BASE_URL: baseUrl,
    ENABLEX_CONFIG_DIR: configDir,
  };
}

/** Starts `enablex <args>` in tmux; `redirect` is a shell redirection of stdout, e.g. `> out.json`. */
function start(args: string, redirect = '', tz?: string): TmuxSession {
  session = TmuxSession.start(`${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args} ${redirect}`, {
    cwd,
    env: env(tz),
  });
  return session;
}

const KOLKATA_MINUTES = 330;

/** A start `days` ahead at `hhmm` in Kolkata (UTC+05:30, no DST), as typed and as the API wants it. */
function kolkata(days: number, hhmm: string, plusMinutes = 0): { local: string; utc: string } {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Kolkata',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const utc = Date.UTC(y, m - 1, d, h, mi) - (KOLKATA_MINUTES - plusMinutes) * 60_000;
  return { local: `${day} ${hhmm}`, utc: formatUtc(new Date(utc)) };
}

/** Answers name, owner and type (Down presses from "permanent"). */
async function answerUpToType(s: TmuxSession, typeDowns: number): Promise<void> {
  // Node's start-up is the slow part on a loaded machine: the first prompt gets more time.
  await s.waitFor('? Room name', 20_000);
  s.answer('Town hall');
  await s.waitFor('? Owner reference');
  s.answer("hr's team");
  await s.waitFor('? Room type');
  for (let i = 0; i < typeDowns; i++) s.press('Down');
  s.press('Enter');
}

/** Answers name, owner, type scheduled and the start time. */
async function answerUpToStart(s: TmuxSession, startAt: string, zone = 'Asia/Kolkata'): Promise<void> {
  await answerUpToType(s, 1);
  await s.waitFor(`? Start time in ${zone} (YYYY-MM-DD HH:MM, "23:30" or "tomorrow 9am")`);
  s.answer(startAt);
}

describe('room create wizard in a terminal', { timeout: 60_000 }, () => {
  it('creates a scheduled room from local time: UTC start, counts as strings, command line, saved file', async () => {
    const at = kolkata(3, '10:30');
    const s = start('room create -o json', '> out.json');
    await answerUpToStart(s, at.local);
    await s.waitFor(`= ${at.utc} UTC`);
    await s.waitFor('? Duration in minutes (at least 10)');
    s.answer('45');
    const opens = kolkata(3, '10:15');
    const closes = kolkata(3, '11:15');
    await s.waitFor(
      new RegExp(
        `Join window  opens  \\w{3} ${opens.local} Asia/Kolkata  \\(${opens.utc} UTC\\)\\n\\s+closes \\w{3} ${closes.local} Asia/Kolkata  \\(${closes.utc} UTC\\)`,
      ),
    );
    await s.waitFor('? Mode');
    s.press('Down', 'Enter');
    await s.waitFor('? Moderators');
    s.answer('2');
    await s.waitFor('? Participants (1-1000 for a scheduled lecture room)');
    s.answer('500');
    await s.waitFor('? Video quality');
    s.press('Down', 'Enter');
    await s.waitFor('? Record every session automatically?');
    s.answer('y');
    await s.waitFor('? More settings (');
    s.answer('');
    await s.waitFor('? Create it?');
    expect(seen).toEqual([]);
    s.press('Enter');
    await s.waitFor('? Save these settings as a file');
    s.answer('y');
    await s.waitFor('? File path (room-town-hall.json)');
    s.answer('');
    const screen = await s.waitFor('Saved room-town-hall.json.');
    expect(await s.exitCode()).toBe(0);

    const body = {
      name: 'Town hall',
      owner_ref: "hr's team",
      settings: {
        mode: 'lecture',
        scheduled: true,
        scheduled_time: at.utc,
        duration: '45',
        moderators: '2',
        participants: '500',
        quality: 'HD',
        auto_recording: true,
      },
    };
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/video/v2/rooms',
        auth: `Basic ${Buffer.from(`${APP_ID}:${APP_KEY}`).toString('base64')}`,
        body,
      },
    ]);
    expect(JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'))).toEqual({ room_id: ROOM_ID, ...body });
    expect(JSON.parse(readFileSync(join(cwd, 'room-town-hall.json'), 'utf8'))).toEqual(body);
    expect(readdirSync(cwd).sort()).toEqual(['out.json', 'room-town-hall.json']);

    const line = `enablex room create --name 'Town hall' --owner-ref 'hr'\\''s team' --scheduled --scheduled-time ${at.utc.replace(' ', 'T')}Z --duration 45 --mode lecture --moderators 2 --participants 500 --quality HD --auto-recording`;
    expect(screen).toContain(`\n  ${line}\n`);
    // Pasted into a shell (with --dry-run), the line asks for the very same body.
    const pasted = line.replace(/^enablex/, `${shellQuote(process.execPath)} ${shellQuote(BIN)}`);
    const dry = execFileSync('sh', ['-c', `${pasted} --dry-run`], {
      env: env(),
      encoding: 'utf8',
      stdio: 'pipe',
    });
    expect(JSON.parse(dry).body).toEqual(body);
  });

  it('refuses wrong answers with the flag rules and takes the corrected ones', async () => {
    const s = start('room create');
    await answerUpToStart(s, kolkata(-1, '10:00').local);
    await s.waitFor('> --scheduled-time: must be in the future');
    s.press('C-u');
    const at = kolkata(2, '18:00');
    s.answer(at.local);
    await s.waitFor(`= ${at.utc} UTC`);
    await s.waitFor('? Duration in minutes');
    s.answer('5');
    await s.waitFor('> --duration: must be at least 10.');
    s.press('BSpace');
    s.answer('30');
    await s.waitFor('? Mode');
    s.press('Enter');
    await s.waitFor('? Moderators');
    s.answer('');
    await s.waitFor('? Participants (1-300 for a scheduled group room)');
    s.answer('400');
    await s.waitFor('> --participants must be between 1 and 300 for a scheduled group room (got 400).');
    s.press('C-u');
    s.answer('300');
    await s.waitFor('? Video quality');
    s.press('Enter');
    await s.waitFor('? Record every session automatically?');
    s.answer('');
    await s.waitFor('? More settings (');
    s.answer('');
    const summary = await s.waitFor('? Create it?');
    expect(summary).toMatch(/Duration +30 minutes/);
    expect(summary).toMatch(/Participants +300/);
    expect(summary).toMatch(new RegExp(`Starts +\\w{3} ${at.local} Asia/Kolkata  \\(${at.utc} UTC\\)`));
    s.press('Down', 'Down', 'Enter');
    await s.waitFor('Nothing created.');
    expect(await s.exitCode()).toBe(0);
    expect(seen).toEqual([]);
  });

  it('Ctrl-C midway: exit 130, nothing sent, nothing written', async () => {
    const s = start('room create');
    await answerUpToStart(s, kolkata(2, '09:00').local);
    await s.waitFor('? Duration in minutes');
    s.answer('30');
    await s.waitFor('? Mode');
    s.press('Enter');
    await s.waitFor('? Moderators');
    s.answer('');
    await s.waitFor('? Participants');
    s.type('12');
    s.press('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(s.screen()).toContain('Error: Interrupted: no room was created.');
    expect(seen).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('Ctrl-C at the file path: the room exists, but no file (not even a partial one)', async () => {
    const s = start('room create -i');
    await answerUpToType(s, 0);
    await s.waitFor('? Mode');
    s.press('Enter');
    for (const prompt of ['? Moderators', '? Participants (1-200 for a permanent room)']) {
      await s.waitFor(prompt);
      s.answer('');
    }
    for (const prompt of ['? Video quality', '? Record every session', '? More settings (', '? Create it?']) {
      await s.waitFor(prompt);
      s.press('Enter');
    }
    await s.waitFor('? Save these settings as a file');
    s.answer('y');
    await s.waitFor('? File path');
    s.press('C-c');
    // The room exists by now, so the command succeeded; only the optional file was skipped.
    expect(await s.exitCode()).toBe(0);
    await s.waitFor('the settings file was not saved');
    expect(seen).toHaveLength(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('reads "tomorrow 9am" in the local zone', async () => {
    const s = start('room create');
    await answerUpToStart(s, 'tomorrow 9am');
    const at = kolkata(1, '09:00');
    await s.waitFor(new RegExp(`Starts \\w{3} ${at.local} Asia/Kolkata = ${at.utc} UTC`));
    await s.waitFor('? Duration in minutes');
    s.press('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(seen).toEqual([]);
  });

  it('asks which instant a fall-back time means (New York), and refuses a spring-forward one', async () => {
    const year = new Date().getUTCFullYear() + 1;
    // The first Sunday of November and the second of March, when New York's clocks change.
    const sunday = (month: number, nth: number) => {
      const first = new Date(Date.UTC(year, month, 1));
      return 1 + ((7 - first.getUTCDay()) % 7) + (nth - 1) * 7;
    };
    const back = `${year}-11-${String(sunday(10, 1)).padStart(2, '0')}`;
    const forward = `${year}-03-${String(sunday(2, 2)).padStart(2, '0')}`;
    const s = start('room create --dry-run', '', 'America/New_York');
    await answerUpToStart(s, `${forward} 02:30`, 'America/New_York');
    await s.waitFor(`> --scheduled-time: ${forward} 02:30 does not exist in America/New_York`);
    s.press('C-u');
    s.answer(`${back} 01:30`);
    await s.waitFor(
      `${back} 01:30 happens twice in America/New_York (the clocks go back that night): which one?`,
    );
    s.press('Down', 'Enter');
    await s.waitFor(`Starts Sun ${back} 01:30 America/New_York = ${back} 06:30:00 UTC`);
    await s.waitFor('? Duration in minutes');
    s.press('C-c');
    expect(await s.exitCode()).toBe(130);
    expect(s.screen()).toContain('Error: Interrupted: no room was created.');
  });

  it('more settings offers SIP dial-in, billing code, live recording and watermark', async () => {
    const s = start('room create --dry-run');
    await answerUpToType(s, 0);
    await s.waitFor('? Mode');
    s.press('Enter');
    for (const prompt of ['? Moderators', '? Participants (1-200 for a permanent room)']) {
      await s.waitFor(prompt);
      s.answer('');
    }
    for (const prompt of ['? Video quality', '? Record every session']) {
      await s.waitFor(prompt);
      s.press('Enter');
    }
    await s.waitFor('? More settings (');
    s.answer('y');
    await s.waitFor('? More settings: pick one to set');
    const sip = MORE_FLAGS.indexOf('sip') + 1;
    const billing = MORE_FLAGS.indexOf('billing-code') + 1;
    for (let i = 0; i < sip; i++) s.press('Down');
    s.press('Enter');
    await s.waitFor('? SIP dial-in (enable PSTN/SIP dial-in)');
    s.press('Enter');
    await s.waitFor('? More settings: pick one to set');
    for (let i = sip; i < billing; i++) s.press('Down');
    s.press('Enter');
    await s.waitFor('? Billing code');
    s.answer('B-42');
    await s.waitFor(/Billing code\s+B-42/);
    for (let i = 0; i < billing; i++) s.press('Up');
    s.press('Enter');
    await s.waitFor('? Create it?');
    s.press('Enter');
    const screen = await s.waitFor('--billing-code B-42');
    expect(screen).toContain('"billing_code": "B-42"');
    expect(screen).toMatch(/"sip": \{\s+"enabled": true/);
    expect(await s.exitCode()).toBe(0);
    expect(seen).toEqual([]);
  });
});
