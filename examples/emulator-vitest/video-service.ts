/**
 * "Your own code": a tiny server-side helper that creates a meeting room and a moderator token,
 * the way the EnableX sample servers do (Basic auth, JSON bodies, `result === 0` means success).
 * Nothing here knows about the emulator: it only takes a base URL and credentials.
 */
export interface VideoConfig {
  baseUrl: string;
  appId: string;
  appKey: string;
}

/** A failed API call, with the API's own result code. */
export class VideoApiError extends Error {
  constructor(
    readonly result: string,
    message: string,
  ) {
    super(message);
    this.name = 'VideoApiError';
  }
}

async function call(
  cfg: VideoConfig,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${cfg.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${cfg.appId}:${cfg.appKey}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json()) as Record<string, unknown>;
  if (Number(data['result']) !== 0) {
    throw new VideoApiError(String(data['result']), String(data['error'] ?? `HTTP ${res.status}`));
  }
  return data;
}

/** Creates a room for a meeting and returns its id with a moderator token for the host. */
export async function createMeeting(
  cfg: VideoConfig,
  title: string,
  host: string,
): Promise<{ roomId: string; token: string }> {
  const created = await call(cfg, 'POST', '/rooms', {
    name: title,
    owner_ref: 'my-app',
    settings: { mode: 'group', participants: '4', quality: 'SD', scheduled: false, adhoc: false },
  });
  const roomId = String((created['room'] as { room_id: string }).room_id);
  const issued = await call(cfg, 'POST', `/rooms/${roomId}/tokens`, {
    name: host,
    role: 'moderator',
    user_ref: host,
  });
  return { roomId, token: String(issued['token']) };
}
