import type { Env } from '../context.js';
import { AuthError } from '../lib/errors.js';
import { DEFAULT_BASE_URL } from '../api/base-url.js';
import { checkProfileName, type Profile, type ProfileStore } from './store.js';

/** Where a value came from, as `doctor` and error messages say it. */
export type Source = 'flag' | 'env' | 'profile' | 'default' | 'emulator';

/** The credentials and base URL a run will use, and where each came from. */
export interface ResolvedCredentials {
  appId: string;
  appKey: string;
  credentialSource: Source;
  profileName: string | undefined;
  baseUrl: string;
  baseUrlSource: Source;
  recording: { user: string; password: string; source: Source } | undefined;
}

/** The flags that take part in resolution. */
export interface CredentialFlags {
  profile?: string;
  baseUrl?: string;
}

/**
 * Applies the precedence of CONTRACT.md: flags > environment > ENABLEX_PROFILE > default profile.
 * An explicit --profile beats credentials in the environment.
 */
export function resolveCredentials(
  flags: CredentialFlags,
  env: Env,
  store: ProfileStore | undefined,
): ResolvedCredentials {
  const envId = env['ENABLEX_APP_ID']?.trim() || undefined;
  const envKey = env['ENABLEX_APP_KEY']?.trim() || undefined;
  if (!flags.profile && (envId || envKey) && !(envId && envKey)) {
    const missing = envId ? 'ENABLEX_APP_KEY' : 'ENABLEX_APP_ID';
    throw new AuthError(
      `${missing} is not set, but ${envId ? 'ENABLEX_APP_ID' : 'ENABLEX_APP_KEY'} is.`,
      `Set both, or neither and use a profile.`,
    );
  }

  let profile: Profile | undefined;
  let profileName: string | undefined;
  let credentialSource: Source;
  let appId: string;
  let appKey: string;

  const pickProfile = (name: string, origin: string): Profile => {
    // The store checks Object.hasOwn, so "constructor" or "toString" is unknown, not a function.
    const p = store?.get(name);
    if (!p) {
      const known = store?.names() ?? [];
      throw new AuthError(
        `profile "${name}" (${origin}) does not exist.`,
        known.length ? `Known profiles: ${known.join(', ')}.` : 'Add one with `enablex profile add <name>`.',
      );
    }
    return p;
  };

  if (flags.profile) {
    checkProfileName(flags.profile, '--profile');
    profileName = flags.profile;
    profile = pickProfile(flags.profile, 'from --profile');
    credentialSource = 'flag';
    appId = profile.appId;
    appKey = profile.appKey;
  } else if (envId && envKey) {
    credentialSource = 'env';
    appId = envId;
    appKey = envKey;
  } else {
    const envProfile = env['ENABLEX_PROFILE']?.trim();
    if (envProfile) checkProfileName(envProfile, 'ENABLEX_PROFILE');
    profileName = envProfile || store?.defaultName();
    if (!profileName) {
      throw new AuthError(
        'no credentials: no ENABLEX_APP_ID / ENABLEX_APP_KEY in the environment and no profile.',
        'Run `enablex profile add default`, or set ENABLEX_APP_ID and ENABLEX_APP_KEY. To try the CLI without an account, add --emulator.',
      );
    }
    profile = pickProfile(profileName, envProfile ? 'from ENABLEX_PROFILE' : 'the default profile');
    credentialSource = envProfile ? 'env' : 'profile';
    appId = profile.appId;
    appKey = profile.appKey;
  }

  let baseUrl: string;
  let baseUrlSource: Source;
  const envBase = env['ENABLEX_BASE_URL']?.trim() || undefined;
  if (flags.baseUrl) {
    baseUrl = flags.baseUrl;
    baseUrlSource = 'flag';
  } else if (envBase && !flags.profile) {
    baseUrl = envBase;
    baseUrlSource = 'env';
  } else if (profile?.baseUrl) {
    baseUrl = profile.baseUrl;
    baseUrlSource = 'profile';
  } else if (envBase) {
    baseUrl = envBase;
    baseUrlSource = 'env';
  } else {
    baseUrl = DEFAULT_BASE_URL;
    baseUrlSource = 'default';
  }

  const envRecUser = env['ENABLEX_RECORDING_USER']?.trim() || undefined;
  const envRecPass = env['ENABLEX_RECORDING_PASSWORD'] || undefined;
  let recording: ResolvedCredentials['recording'];
  if (envRecUser && envRecPass) recording = { user: envRecUser, password: envRecPass, source: 'env' };
  else if (profile?.recordingUser && profile.recordingPassword)
    recording = { user: profile.recordingUser, password: profile.recordingPassword, source: 'profile' };

  return { appId, appKey, credentialSource, profileName, baseUrl, baseUrlSource, recording };
}
