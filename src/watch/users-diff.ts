/** One change of who is in a room, as `users --watch` prints it (one NDJSON line each). */
interface UserEvent {
  time: string;
  event: 'join' | 'leave';
  room_id: string;
  user: Record<string, unknown>;
}

/** A user's identity for the diff: the whole record, keys sorted, so a changed role is a leave and a join. */
function identity(user: Record<string, unknown>): string {
  return JSON.stringify(user, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * The events between two lists of users: leaves first, then joins, each in list order. The same
 * person connected twice counts twice (a multiset), so one of two connections leaving is one leave.
 */
export function userEvents(
  before: readonly Record<string, unknown>[],
  after: readonly Record<string, unknown>[],
  roomId: string,
  at: Date,
): UserEvent[] {
  const time = at.toISOString();
  const remaining = new Map<string, number>();
  for (const u of after) remaining.set(identity(u), (remaining.get(identity(u)) ?? 0) + 1);
  const leaves: UserEvent[] = [];
  for (const u of before) {
    const key = identity(u);
    const n = remaining.get(key) ?? 0;
    if (n > 0) remaining.set(key, n - 1);
    else leaves.push({ time, event: 'leave', room_id: roomId, user: u });
  }
  const stayed = new Map<string, number>();
  for (const u of before) stayed.set(identity(u), (stayed.get(identity(u)) ?? 0) + 1);
  const joins: UserEvent[] = [];
  for (const u of after) {
    const key = identity(u);
    const n = stayed.get(key) ?? 0;
    if (n > 0) stayed.set(key, n - 1);
    else joins.push({ time, event: 'join', room_id: roomId, user: u });
  }
  return [...leaves, ...joins];
}
