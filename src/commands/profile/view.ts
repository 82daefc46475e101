import type { Profile } from '../../config/store.js';
import { DEFAULT_BASE_URL } from '../../api/base-url.js';

/** What `profile list/show` print: everything but the secrets, which show only as set or not. */
export function profileView(name: string, p: Profile, isDefault: boolean): Record<string, unknown> {
  return {
    name,
    default: isDefault,
    app_id: p.appId,
    app_key: p.appKey ? 'set' : 'not set',
    base_url: p.baseUrl ?? DEFAULT_BASE_URL,
    recording_user: p.recordingUser ?? '',
    recording_password: p.recordingPassword ? 'set' : 'not set',
  };
}
