import { normalizeBaseUrl } from '../../api/base-url.js';
import { PROFILE_NAME, type Profile } from '../../config/store.js';
import { UsageError } from '../../errors.js';
import type { Runtime } from '../../runtime.js';
import type { CommandInput } from '../define.js';
import { readStdin } from '../input-file.js';
import { verifyProfile } from './verify.js';

const APP_ID = /^[A-Za-z0-9_-]{4,64}$/;
const SECRET = /^\S{4,256}$/;

/** Checks an app id; the message names the flag and the rule. */
export function checkAppId(value: string): true | string {
  return APP_ID.test(value.trim())
    ? true
    : 'the app id is 4-64 letters or digits (EnableX ids are 24 hex characters)';
}

/** Checks a secret's shape without ever echoing it. */
export function checkSecret(value: string): true | string {
  return SECRET.test(value.trim()) ? true : 'must be 4-256 characters with no spaces';
}

/**
 * `enablex profile add <name>`: key from stdin, env or a masked prompt, never from a flag; checked
 * with one request before it is saved unless --no-verify.
 */
export async function run({ args, opts }: CommandInput, rt: Runtime): Promise<void> {
  const name = args[0] as string;
  if (!PROFILE_NAME.test(name))
    throw new UsageError(`<name> "${name}" must be letters, digits, ".", "_" or "-" (at most 64).`);
  if (opts['appKeyStdin'] && opts['recordingPasswordStdin']) {
    throw new UsageError(
      '--app-key-stdin and --recording-password-stdin both read stdin: use one, and ENABLEX_RECORDING_PASSWORD for the other.',
    );
  }
  const store = await rt.store();
  if (store.get(name) && !rt.globals.yes) {
    if (!rt.globals.canPrompt) throw new UsageError(`profile "${name}" exists: add --yes to replace it.`);
    const ok = await (await rt.prompter('--yes')).confirm(`Profile "${name}" exists. Replace it?`);
    if (!ok) return rt.out.note('Nothing changed.');
  }

  let appId = (opts['appId'] as string | undefined)?.trim();
  if (appId === undefined) {
    appId = (
      await (await rt.prompter('--app-id is required')).input('App ID:', { validate: checkAppId })
    ).trim();
  }
  const idCheck = checkAppId(appId);
  if (idCheck !== true) throw new UsageError(`--app-id: ${idCheck}.`);

  let appKey: string | undefined;
  if (opts['appKeyStdin']) appKey = (await readStdin(rt, '--app-key-stdin')).trim();
  else if (rt.ctx.env['ENABLEX_APP_KEY']) appKey = rt.ctx.env['ENABLEX_APP_KEY'].trim();
  else
    appKey = (
      await (
        await rt.prompter('no app key: use --app-key-stdin or ENABLEX_APP_KEY')
      ).secret('App key:', { validate: checkSecret })
    ).trim();
  const keyCheck = checkSecret(appKey);
  if (keyCheck !== true) throw new UsageError(`app key: ${keyCheck}.`);

  const profile: Profile = { appId, appKey };
  if (rt.globals.baseUrl)
    profile.baseUrl = normalizeBaseUrl(rt.globals.baseUrl, { insecure: rt.globals.insecure })
      .toString()
      .replace(/\/$/, '');
  const recordingUser = opts['recordingUser'] as string | undefined;
  if (recordingUser) {
    profile.recordingUser = recordingUser.trim();
    let password: string | undefined;
    if (opts['recordingPasswordStdin']) password = (await readStdin(rt, '--recording-password-stdin')).trim();
    else if (rt.ctx.env['ENABLEX_RECORDING_PASSWORD']) password = rt.ctx.env['ENABLEX_RECORDING_PASSWORD'];
    else
      password = await (
        await rt.prompter(
          'no recording password: use --recording-password-stdin or ENABLEX_RECORDING_PASSWORD',
        )
      ).secret('Recording password:', { validate: checkSecret });
    profile.recordingPassword = password;
  } else if (opts['recordingPasswordStdin']) {
    throw new UsageError('--recording-password-stdin needs --recording-user.');
  }
  const verified = opts['verify'] === false ? undefined : await verifyProfile(rt, name, profile);
  store.set(name, profile);
  if (opts['default']) store.setDefault(name);
  const checked = verified
    ? `; ${verified} accepted its credentials`
    : ' (credentials not checked: --no-verify)';
  rt.out.success(
    `Saved profile "${name}" in ${store.path}${store.defaultName() === name ? ' (default)' : ''}${checked}.`,
  );
}
