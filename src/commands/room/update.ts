import { paths } from '../../api/paths.js';
import { getRoom, updateRoom } from '../../api/rooms.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { resolveRoomRef } from '../room-ref.js';
import { buildUpdateBody } from './body.js';
import { printDryRun } from './dry-run.js';
import { roomInputFrom } from './input.js';
import { applyUpdate, describeMerge, mergeUpdate } from './merge.js';
import { checkUpdatedRoom } from './rules.js';
import { printRoom } from './show.js';
import { noteScheduledTime } from './time-note.js';

/**
 * `enablex room update <room-id>`: the given keys, checked; then the room is read (GET) so that a
 * nested object (data, role_based_recording, live_recording) is sent merged with its current keys
 * (the API replaces a nested object whole), and so that the room as the update leaves it is checked
 * by create's rules; then PATCH. --dry-run reads the room too. Prints the updated room.
 */
export async function run({ args, opts, command }: CommandInput, rt: Runtime): Promise<void> {
  const given = buildUpdateBody(await roomInputFrom(opts, command, rt));
  const roomId = await resolveRoomRef(rt, args[0], '<room-id>');
  const http = await rt.http();
  const current = await rt.out.spin('Reading room…', () => getRoom(http, roomId));
  const { body, merged } = mergeUpdate(current, given);
  const after = applyUpdate(current, body);
  checkUpdatedRoom(after, given);
  noteScheduledTime(rt, given);
  if (opts['dryRun']) {
    const notes = [`Read room ${roomId} (GET) to merge nested settings with its current values.`];
    const lines = describeMerge(merged);
    if (lines.length) notes.push(`Merged: ${lines.join('; ')}.`);
    return printDryRun(rt, 'PATCH', paths.room(roomId), body, notes);
  }
  const echoed = await rt.out.spin('Updating room…', () => updateRoom(http, roomId, body));
  rt.out.success(`Updated room ${roomId}; changes apply from its next session.`);
  printRoom(rt, echoed ?? after);
}
