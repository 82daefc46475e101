import { Option, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';

/** `enablex api <method> <path>`: a raw authenticated call for anything the other commands lack. */
export function registerApi(program: Command, action: ActionFactory): void {
  program
    .command('api')
    .description('send one authenticated request to a path under the base URL and print the answer (JSON)')
    .argument('<method>', 'GET, POST, PATCH, PUT or DELETE (any case)')
    .argument('<path>', 'path relative to the base URL, e.g. rooms or /rooms/<room-id>/users')
    .addOption(new Option('--data <json|@file>', 'JSON body: inline, @file, or @- for standard input'))
    .addOption(new Option('--show-secrets', 'show app_key and password values instead of hiding them'))
    .addHelpText(
      'after',
      examples(
        ['every room, raw', 'enablex api get rooms'],
        ['users of a room, one field', 'enablex api GET /rooms/"$ROOM"/users --fields users'],
        ['a token from a JSON file', 'enablex api post rooms/"$ROOM"/tokens --data @token.json'],
        [
          'a body from a pipe',
          'jq -n \'{settings: {quality: "HD"}}\' | enablex api patch rooms/"$ROOM" --data @-',
        ],
      ),
    )
    .action(action(() => import('./call.js')));
}
