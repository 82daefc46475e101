import type { Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';

/** `enablex doctor`. */
export function registerDoctor(program: Command, action: ActionFactory): void {
  program
    .command('doctor')
    .description('check config, credentials, base URL, proxy, API access and clock skew')
    .addHelpText(
      'after',
      examples(
        ['check the default setup', 'enablex doctor'],
        [
          'check one profile; show only what is not ok',
          `enablex doctor --profile prod -o json | jq '.[] | select(.status != "ok")'`,
        ],
        ['check a white-label host', 'enablex doctor --base-url https://api.example.com/video/v2'],
      ),
    )
    .action(action(() => import('./run.js')));
}
