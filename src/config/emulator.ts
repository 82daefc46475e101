import { join } from 'node:path';
import { UsageError } from '../lib/errors.js';
import type { ResolvedCredentials } from './resolve.js';

/**
 * The in-process emulator as a credential source (`--emulator`, ENABLEX_EMULATOR=1): starts the
 * bundled server on a free loopback port with its demo data, kept in the config folder between
 * runs, and gives its base URL and development credentials. `close` stops it.
 */
export async function emulatorCredentials(
  configDir: string,
): Promise<{ credentials: ResolvedCredentials; close: () => Promise<void> }> {
  const { startEmulator, DEV_CREDENTIALS, StateFileError } = await import('../emulator/index.js');
  const statePath = join(configDir, 'emulator-state.json');
  const server = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    statePath,
    credentials: DEV_CREDENTIALS,
    seed: 'demo',
  }).catch((err: unknown) => {
    if (err instanceof StateFileError) {
      throw new UsageError(
        `--emulator: ${err.message}`,
        `Move ${statePath} aside to start with fresh demo data.`,
      );
    }
    throw err;
  });
  return {
    close: () => server.close(),
    credentials: {
      appId: DEV_CREDENTIALS.appId,
      appKey: DEV_CREDENTIALS.appKey,
      credentialSource: 'emulator',
      profileName: undefined,
      baseUrl: server.baseUrl,
      baseUrlSource: 'emulator',
      recording: {
        user: DEV_CREDENTIALS.recordingUser,
        password: DEV_CREDENTIALS.recordingPassword,
        source: 'emulator',
      },
    },
  };
}
