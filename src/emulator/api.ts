import { archiveReply, cdrReply, parseReportPath } from './reports.js';
import type { Core } from './core.js';
import { dialinReply } from './dialin.js';
import { json } from './reply.js';
import type { Route } from './router.js';
import { createRoom, deleteRoom, listRooms, roomRecord, updateRoom } from './rooms.js';
import { encodeToken, issueToken } from './tokens.js';
import { usersOf } from './users.js';

/** Every route of the route page, relative to the API prefix. */
export function apiRoutes(core: Core): Route[] {
  const { appId, appKey } = core.credentials;
  return [
    {
      method: 'GET',
      pattern: 'rooms',
      handle: async () => json(200, { result: 0, rooms: listRooms((await core.view()).state) }),
    },
    {
      method: 'POST',
      pattern: 'rooms',
      handle: async (req) => {
        const body = await req.body();
        return json(200, { result: 0, room: await core.change((s, now) => createRoom(s, body, now)) });
      },
    },
    {
      method: 'GET',
      pattern: 'rooms/:id',
      handle: async (req) =>
        json(200, { result: 0, room: roomRecord((await core.view()).state, req.params['id'] ?? '').room }),
    },
    {
      method: 'PATCH',
      pattern: 'rooms/:id',
      handle: async (req) => {
        const body = await req.body();
        await core.change((s, now) => updateRoom(s, req.params['id'] ?? '', body, now));
        return json(200, { result: 0 });
      },
    },
    {
      method: 'DELETE',
      pattern: 'rooms/:id',
      handle: async (req) => {
        await core.change((s) => deleteRoom(s, req.params['id'] ?? ''));
        return json(200, { result: 0 });
      },
    },
    {
      method: 'POST',
      pattern: 'rooms/:id/tokens',
      handle: async (req) => {
        const body = await req.body();
        const id = req.params['id'] ?? '';
        const host = new URL(req.origin).host;
        const token = await core.change((s, now) =>
          encodeToken(issueToken(s, id, body, now), roomRecord(s, id).room, host, appKey),
        );
        return json(200, { result: 0, token });
      },
    },
    {
      method: 'GET',
      pattern: 'rooms/:id/users',
      handle: async (req) => json(200, usersOf((await core.view()).state, req.params['id'] ?? '')),
    },
    {
      method: 'GET',
      pattern: 'archive/*',
      handle: async (req) => {
        const filter = parseReportPath(req.rest);
        return archiveReply((await core.view()).state, filter, req.origin);
      },
    },
    {
      method: 'GET',
      pattern: 'cdr/*',
      handle: async (req) => {
        const filter = parseReportPath(req.rest);
        return cdrReply((await core.view()).state, filter, core.synthetic);
      },
    },
    { method: 'GET', pattern: 'dialin', handle: async () => json(200, dialinReply(appId, appKey)) },
  ];
}
