/**
 * The hint for a secret given as a flag: the safe way to give that secret, not another one's.
 * `--recording-password` is told about the recording password, anything else about the app key.
 */
export function secretFlagHint(flag: string): string {
  if (/recording|passw/i.test(flag)) {
    return 'Give the recording password with --recording-password-stdin (with --recording-user) or ENABLEX_RECORDING_PASSWORD.';
  }
  return 'Give the app key with --app-key-stdin, ENABLEX_APP_KEY or the masked prompt of `enablex profile add`.';
}
