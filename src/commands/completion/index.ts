import { Argument, type Command } from 'commander';
import { examples, type ActionFactory } from '../define.js';

/** `enablex completion <bash|zsh|fish>`. */
export function registerCompletion(program: Command, action: ActionFactory): void {
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .addHelpText(
      'after',
      examples(
        ['bash', 'enablex completion bash > ~/.local/share/bash-completion/completions/enablex'],
        [
          'zsh (the folder must be in $fpath before compinit runs)',
          'enablex completion zsh > ~/.zfunc/_enablex',
        ],
        ['fish', 'enablex completion fish > ~/.config/fish/completions/enablex.fish'],
      ),
    )
    .action(action(() => import('./run.js')));

  // What the scripts call at TAB time for profile names and room ids, as cobra's __complete.
  program
    .command('__complete', { hidden: true })
    .description('print completion candidates (used by the completion scripts)')
    .argument('<source>', 'profiles or rooms')
    .argument('[words...]', 'the words of the line being completed, after --')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .action(action(() => import('./complete.js')));
}
