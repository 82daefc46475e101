import { Option, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';

/** `enablex dialin`: the dial-in numbers and SIP settings of the application. */
export function registerDialin(program: Command, action: ActionFactory): void {
  program
    .command('dialin')
    .description('show the dial-in phone numbers and SIP settings (secrets hidden unless --show-secrets)')
    .addOption(new Option('--show-secrets', 'show app_key and the SIP password instead of hiding them'))
    .addHelpText(
      'after',
      examples(
        ['numbers and SIP settings', 'enablex dialin'],
        [
          'the phone numbers only, as CSV',
          "enablex dialin -o json | jq -r '.dialin[] | [.country, .phone] | @csv'",
        ],
        [
          'the SIP password for a PBX set-up (careful: it is printed)',
          'enablex dialin --show-secrets --json --fields sip',
        ],
      ),
    )
    .action(action(() => import('./show.js')));
}
