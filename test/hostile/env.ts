/** Credentials the hostile tests send: finding any of them in an output is a leak. */
export const APP_ID = 'a1b2c3d4e5f6a7b8c9d0e1f2';
export const APP_KEY = 'hostileAppKeyQ7w3E9r1T5y8U2i6O4p0Zx';
export const REC_USER = 'hostile-recorder';
export const REC_PASSWORD = 'hostileRecPassN4m8B2v6';

/** The environment of a run against a base URL, with app and recording credentials. */
export function envFor(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ENABLEX_APP_ID: APP_ID,
    ENABLEX_APP_KEY: APP_KEY,
    ENABLEX_BASE_URL: baseUrl,
    ENABLEX_RECORDING_USER: REC_USER,
    ENABLEX_RECORDING_PASSWORD: REC_PASSWORD,
    ENABLEX_CONFIG_DIR: '/nonexistent-enablex-config',
    ...extra,
  };
}

/** The Authorization value the app credentials make. */
export const APP_BASIC = `Basic ${Buffer.from(`${APP_ID}:${APP_KEY}`).toString('base64')}`;
