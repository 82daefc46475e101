import { Option, type Command } from 'commander';
import { TOKEN_ROLES } from '../../api/tokens.js';
import { collect } from '../../validate.js';
import { examples, type ActionFactory } from '../define.js';

/** `enablex token <room-id>`: create a token to join a room. */
export function registerToken(program: Command, action: ActionFactory): void {
  program
    .command('token')
    .description('create a token for one user to join a room (single use, valid 15 minutes)')
    .argument('<room-id>', 'the room id, or its name when no other room has it')
    .addOption(new Option('--name <name>', 'name of the user who joins').makeOptionMandatory())
    .addOption(
      new Option('--user-ref <ref>', 'your reference for the user, shown in reports').makeOptionMandatory(),
    )
    .addOption(
      new Option('--role <role>', 'role in the session (audience only for HLS rooms)')
        .choices(TOKEN_ROLES)
        .default('participant'),
    )
    .addOption(
      new Option('--data <key=value>', 'custom user data, at most 5 keys (repeatable)').argParser(collect),
    )
    .addOption(new Option('--decode', "also show the token's readable contents (a view, not a verification)"))
    .addHelpText(
      'after',
      examples(
        [
          'a participant token, printed alone for a script',
          'TOKEN=$(enablex token "$ROOM" --name "Ada Lovelace" --user-ref u-42 -q)',
        ],
        [
          'a moderator token with custom data, as JSON',
          'enablex token "$ROOM" --name Host --user-ref u-1 --role moderator --data team=blue -o json',
        ],
        ['see what the token carries', 'enablex token "$ROOM" --name Ada --user-ref u-42 --decode'],
      ),
    )
    .action(action(() => import('./create.js')));
}
