import { Option, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';

/** `enablex profile add|list|show|use|remove`. */
export function registerProfile(program: Command, action: ActionFactory): void {
  const profile = program
    .command('profile')
    .description('save and choose credentials (app id, app key, base URL)');

  profile
    .command('add')
    .description(
      'check and save a profile; the app key comes from a masked prompt, stdin or ENABLEX_APP_KEY, never a flag',
    )
    .argument('<name>', 'profile name (letters, digits, . _ -)')
    .addOption(new Option('--app-id <id>', 'the application id (APP_ID)'))
    .addOption(new Option('--app-key-stdin', 'read the app key from standard input'))
    .addOption(
      new Option('--recording-user <user>', 'user name for recording files (set in the EnableX portal)'),
    )
    .addOption(new Option('--recording-password-stdin', 'read the recording password from standard input'))
    .addOption(new Option('--default', 'make it the default profile'))
    .addOption(new Option('--no-verify', 'save without checking the credentials (one GET /rooms) first'))
    .addHelpText(
      'after',
      examples(
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
      ),
    )
    .action(action(() => import('./add.js')));

  profile
    .command('list')
    .description('list profiles (secrets are never shown)')
    .addHelpText(
      'after',
      examples(['all profiles', 'enablex profile list'], ['names only', 'enablex profile list -q']),
    )
    .action(action(() => import('./list.js')));

  profile
    .command('show')
    .description('show one profile (the default when no name is given); secrets show as "set"')
    .argument('[name]', 'profile name')
    .addHelpText(
      'after',
      examples(
        ['the default profile', 'enablex profile show'],
        ['one profile as JSON', 'enablex profile show prod -o json'],
      ),
    )
    .action(action(() => import('./show.js')));

  profile
    .command('use')
    .description('make a profile the default')
    .argument('<name>', 'profile name')
    .addHelpText(
      'after',
      examples(
        ['switch to staging', 'enablex profile use staging'],
        ['check what the default now points at', 'enablex profile show'],
      ),
    )
    .action(action(() => import('./use.js')));

  profile
    .command('remove')
    .description('delete a saved profile and its secrets')
    .argument('<name>', 'profile name')
    .addHelpText(
      'after',
      examples(
        ['remove, asking first', 'enablex profile remove old'],
        ['remove without a question (scripts)', 'enablex profile remove old --yes'],
      ),
    )
    .action(action(() => import('./remove.js')));
}
