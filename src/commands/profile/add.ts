import { normalizeBaseUrl } from '../../api/base-url.js';
import { PROFILE_NAME, type Profile } from '../../config/store.js';
import { UsageError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import { readStdin } from '../input-file.js';
import type { AddInput } from './add.verb.js';
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
export async function run({ args, opts }: AddInput, f: Factory): Promise<void> {
  const name = args.name;
  if (!PROFILE_NAME.test(name))
    throw new UsageError(`<name> "${name}" must be letters, digits, ".", "_" or "-" (at most 64).`);
  if (opts.appKeyStdin && opts.recordingPasswordStdin) {
    throw new UsageError(
      '--app-key-stdin and --recording-password-stdin both read stdin: use one, and ENABLEX_RECORDING_PASSWORD for the other.',
    );
  }
  const store = await f.store();
  if (store.get(name) && !f.options.yes) {
    if (!f.io.canPrompt) throw new UsageError(`profile "${name}" exists: add --yes to replace it.`);
    const ok = await (await f.prompter('--yes')).confirm(`Profile "${name}" exists. Replace it?`);
    if (!ok) return f.io.note('Nothing changed.');
  }

  let appId = opts.appId?.trim();
  if (appId === undefined) {
    appId = (
      await (await f.prompter('--app-id is required')).input('App ID:', { validate: checkAppId })
    ).trim();
  }
  const idCheck = checkAppId(appId);
  if (idCheck !== true) throw new UsageError(`--app-id: ${idCheck}.`);

  let appKey: string | undefined;
  if (opts.appKeyStdin) appKey = (await readStdin(f, '--app-key-stdin')).trim();
  else if (f.env['ENABLEX_APP_KEY']) appKey = f.env['ENABLEX_APP_KEY'].trim();
  else
    appKey = (
      await (
        await f.prompter('no app key: use --app-key-stdin or ENABLEX_APP_KEY')
      ).secret('App key:', { validate: checkSecret })
    ).trim();
  const keyCheck = checkSecret(appKey);
  if (keyCheck !== true) throw new UsageError(`app key: ${keyCheck}.`);

  const profile: Profile = { appId, appKey };
  if (f.options.baseUrl)
    profile.baseUrl = normalizeBaseUrl(f.options.baseUrl, { insecure: f.options.insecure })
      .toString()
      .replace(/\/$/, '');
  const recordingUser = opts.recordingUser;
  if (recordingUser) {
    profile.recordingUser = recordingUser.trim();
    let password: string | undefined;
    if (opts.recordingPasswordStdin) password = (await readStdin(f, '--recording-password-stdin')).trim();
    else if (f.env['ENABLEX_RECORDING_PASSWORD']) password = f.env['ENABLEX_RECORDING_PASSWORD'];
    else
      password = await (
        await f.prompter(
          'no recording password: use --recording-password-stdin or ENABLEX_RECORDING_PASSWORD',
        )
      ).secret('Recording password:', { validate: checkSecret });
    profile.recordingPassword = password;
  } else if (opts.recordingPasswordStdin) {
    throw new UsageError('--recording-password-stdin needs --recording-user.');
  }
  const verified = opts.verify === false ? undefined : await verifyProfile(f, name, profile);
  store.set(name, profile);
  if (opts.default) store.setDefault(name);
  const checked = verified
    ? `; ${verified} accepted its credentials`
    : ' (credentials not checked: --no-verify)';
  f.io.success(
    `Saved profile "${name}" in ${store.path}${store.defaultName() === name ? ' (default)' : ''}${checked}.`,
  );
}
