import { Chalk } from 'chalk';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCreateBody } from '../../../src/commands/room/body.js';
import { readBodyFile } from '../../../src/commands/input-file.js';
import { makeFactory } from '../../helpers/factory.js';
import { offerSave } from '../../../src/commands/room/wizard/save.js';
import { TEST_NOW } from '../../helpers/cli.js';
import { FakePrompter } from './wizard-prompter.js';
import { parseRoomsFile } from '../../../src/commands/room/apply-file.js';
import { UsageError } from '../../../src/lib/errors.js';
import { tempDir, removeTempDir } from '../../helpers/temp.js';

/** The message of the UsageError a file gives. */
function problem(doc: unknown): string {
  try {
    parseRoomsFile(doc, 'rooms.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('rooms file: accepted shapes', () => {
  it('reads rooms: [...] and normalizes each room as room create would send it', () => {
    const rooms = parseRoomsFile(
      {
        rooms: [
          {
            name: 'Town hall',
            owner_ref: 'hr',
            settings: {
              participants: 500,
              mode: 'LECTURE',
              scheduled: true,
              scheduled_time: '2026-12-01T16:00:00+01:00',
              duration: 60,
            },
          },
        ],
      },
      'rooms.yaml',
    );
    expect(rooms).toEqual([
      {
        index: 0,
        name: 'Town hall',
        owner_ref: 'hr',
        body: {
          name: 'Town hall',
          owner_ref: 'hr',
          settings: {
            participants: '500',
            mode: 'lecture',
            scheduled: true,
            scheduled_time: '2026-12-01 15:00:00',
            duration: '60',
          },
        },
      },
    ]);
  });

  it('reads a bare list, and an empty file section', () => {
    expect(parseRoomsFile([{ name: 'A', owner_ref: 't' }], 'x')).toHaveLength(1);
    expect(parseRoomsFile({ rooms: null }, 'x')).toEqual([]);
  });

  it('accepts a settings file the wizard saved, alone or as one entry', async () => {
    const dir = tempDir('apply');
    try {
      const body = buildCreateBody({
        flags: new Map<string, unknown>([
          ['mode', 'lecture'],
          ['participants', '150'],
          ['record-moderator', 'audio'],
          ['sip', true],
        ]),
        name: 'Town hall',
        ownerRef: 'hr',
        data: { team: 'hr' },
        now: TEST_NOW,
      });
      // The wizard's own save step, answering "yes" and Enter on the suggested file name.
      const io = {
        prompter: new FakePrompter([true, '']),
        now: () => TEST_NOW,
        zone: 'UTC',
        say: () => undefined,
        c: new Chalk({ level: 0 }),
      };
      const path = await offerSave(body, io, { cwd: dir, signal: new AbortController().signal });
      expect(path).toBe('room-town-hall.json');
      const { f } = makeFactory({ cwd: dir });
      const alone = parseRoomsFile(await readBodyFile(f, 'room-town-hall.json'), 'room-town-hall.json');
      expect(alone).toEqual([{ index: 0, name: 'Town hall', owner_ref: 'hr', body }]);
      const saved = JSON.parse(readFileSync(join(dir, 'room-town-hall.json'), 'utf8')) as unknown;
      const inList = parseRoomsFile({ rooms: [saved, { name: 'Other', owner_ref: 'hr' }] }, 'rooms.yaml');
      expect(inList.map((r) => r.name)).toEqual(['Town hall', 'Other']);
      expect(inList[0]?.body).toEqual(body);
    } finally {
      removeTempDir(dir);
    }
  });

  it('accepts the example file of the README', async () => {
    const doc = await readBodyFile(makeFactory().f, 'examples/rooms.yaml');
    const rooms = parseRoomsFile(doc, 'examples/rooms.yaml');
    expect(rooms.map((r) => `${r.name} (${r.owner_ref})`)).toEqual([
      'Daily standup (team-7)',
      'Support desk (team-7)',
      'Town hall (hr)',
    ]);
  });

  it('takes a scheduled time that has passed (the plan reports it)', () => {
    const rooms = parseRoomsFile(
      [
        {
          name: 'A',
          owner_ref: 't',
          settings: { scheduled: true, scheduled_time: '2020-01-01 10:00:00', duration: 30 },
        },
      ],
      'x',
    );
    expect(rooms[0]?.body.settings?.['scheduled_time']).toBe('2020-01-01 10:00:00');
  });
});

describe('rooms file: every error names the room and the key', () => {
  it.each<[string, unknown, string]>([
    [
      'a bad count',
      [{ name: 'A', owner_ref: 't', settings: { participants: 'ten' } }],
      'rooms[0] "A" (owner_ref t): settings.participants: must be a whole number',
    ],
    [
      'an unknown setting',
      [{ name: 'A', owner_ref: 't', settings: { colour: 'red' } }],
      'rooms[0] "A" (owner_ref t): unknown key "settings.colour"',
    ],
    ['a missing name', [{ owner_ref: 't' }], 'rooms[0] (owner_ref t): name is required'],
    ['a missing owner_ref', [{ name: 'A' }], 'rooms[0] "A": owner_ref is required'],
    [
      'scheduled without a time',
      [{ name: 'A', owner_ref: 't', settings: { scheduled: true, duration: 30 } }],
      'rooms[0] "A" (owner_ref t): settings.scheduled_time is required',
    ],
    [
      'too many participants',
      [{ name: 'A', owner_ref: 't', settings: { participants: 900 } }],
      'settings.participants must be between 1 and 200',
    ],
    [
      'a bad enum',
      [{ name: 'A', owner_ref: 't', settings: { quality: '4K' } }],
      'settings.quality: must be one of HD, SD, LD',
    ],
    ['not an object', ['just text'], 'rooms[0]: must be an object'],
    ['an unknown top-level key', { rooms: [], version: 2 }, 'unknown top-level key "version"'],
    ['rooms not a list', { rooms: { name: 'A' } }, '"rooms" must be a list of rooms'],
    ['a scalar file', 'hello', 'a rooms file holds "rooms:"'],
    [
      'one identity twice',
      [
        { name: 'A', owner_ref: 't' },
        { name: 'A', owner_ref: 't', settings: { knock: true } },
      ],
      'rooms[1] "A" (owner_ref t): the same name and owner_ref as rooms[0]',
    ],
  ])('%s', (_what, doc, message) => {
    expect(problem(doc)).toContain(message);
  });

  it('reports every broken room at once, each on its own line', () => {
    const message = problem({
      rooms: [
        { name: 'A', owner_ref: 't', settings: { participants: 0 } },
        { name: 'B', owner_ref: 't' },
        { name: 'C', owner_ref: 't', settings: { max_active_talkers: 40 } },
      ],
    });
    expect(message).toContain('rooms.yaml has 2 problems:');
    expect(message).toContain('  - rooms[0] "A" (owner_ref t): settings.participants: must be at least 1');
    expect(message).toContain(
      '  - rooms[2] "C" (owner_ref t): settings.max_active_talkers: must be at most 16',
    );
  });
});
