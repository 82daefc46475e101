import { paths } from '../../api/paths.js';
import { getRoom, updateRoom } from '../../api/rooms.js';
import type { Factory } from '../../factory.js';
import { resolveRoomRef } from '../room-ref.js';
import { buildUpdateBody } from './body.js';
import { printDryRun } from './dry-run.js';
import { roomInputFrom } from './input.js';
import { splitLegacy, withLegacy } from './legacy.js';
import { applyUpdate, describeMerge, mergeUpdate } from './merge.js';
import { checkUpdatedRoom } from './rules.js';
import { printRoom } from './show.js';
import type { UpdateInput } from './update.verb.js';
import { noteScheduledTime } from './time-note.js';

/**
 * `enablex room update <room-id>`: the given keys, checked; then the room is read (GET) so that a
 * nested object (data, role_based_recording, live_recording) is sent merged with its current keys
 * (the API replaces a nested object whole), and so that the room as the update leaves it is checked
 * by create's rules; then PATCH. --dry-run reads the room too. Prints the updated room.
 */
export async function run(input: UpdateInput, f: Factory): Promise<void> {
  const { args, opts } = input;
  // Legacy setting names in --file (old rooms carry them) are sent as given, as create sends them.
  const { input: roomInput, legacy } = splitLegacy(await roomInputFrom(input, f), (line) => f.io.note(line));
  const given = buildUpdateBody(roomInput, { allowEmpty: Object.keys(legacy).length > 0 });
  const roomId = await resolveRoomRef(f, args.roomId, '<room-id>');
  const http = await f.http();
  const current = await f.io.spin('Reading room…', () => getRoom(http, roomId));
  const { body: mergedBody, merged } = mergeUpdate(current, given);
  const body = withLegacy(mergedBody, legacy);
  const after = applyUpdate(current, mergedBody);
  checkUpdatedRoom(after, given);
  noteScheduledTime(f, given);
  if (opts.dryRun) {
    const notes = [`Read room ${roomId} (GET) to merge nested settings with its current values.`];
    const lines = describeMerge(merged);
    if (lines.length) notes.push(`Merged: ${lines.join('; ')}.`);
    return printDryRun(f, 'PATCH', paths.room(roomId), body, notes);
  }
  const echoed = await f.io.spin('Updating room…', () => updateRoom(http, roomId, body));
  f.io.success(`Updated room ${roomId}; changes apply from its next session.`);
  // The room as read with every key sent applied, legacy names included, when the API echoes none.
  printRoom(f, echoed ?? applyUpdate(current, body));
}
