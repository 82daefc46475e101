import { arg, bool, defineCommand, text, type VerbInput } from '../spec.js';

const args = { name: arg('<name>', 'profile name (letters, digits, . _ -)') };

const flags = {
  appId: text('--app-id <id>', 'the application id (APP_ID)'),
  appKeyStdin: bool('--app-key-stdin', 'read the app key from standard input'),
  recordingUser: text('--recording-user <user>', 'user name for recording files (set in the EnableX portal)'),
  recordingPasswordStdin: bool(
    '--recording-password-stdin',
    'read the recording password from standard input',
  ),
  default: bool('--default', 'make it the default profile'),
  verify: bool('--no-verify', 'save without checking the credentials (one GET /rooms) first'),
};

/** What `enablex profile add` runs with. */
export type AddInput = VerbInput<typeof flags, typeof args>;

/** `enablex profile add <name>`. */
export default defineCommand({
  name: 'add',
  summary:
    'check and save a profile; the app key comes from a masked prompt, stdin or ENABLEX_APP_KEY, never a flag',
  args,
  flags,
  examples: [
    ['interactively (masked key prompt)', 'enablex profile add prod'],
    [
      'from a script: key on stdin',
      'printf %s "$KEY" | enablex profile add ci --app-id 5f3b2c1a9d8e7f6a5b4c3d2e --app-key-stdin',
    ],
    [
      'save without checking (offline, or the API is down)',
      'enablex profile add prod --app-id … --no-verify',
    ],
    [
      'a white-label host',
      'ENABLEX_APP_KEY=… enablex profile add brand --app-id … --base-url https://api.example.com/video/v2',
    ],
  ],
  load: () => import('./add.js'),
});
