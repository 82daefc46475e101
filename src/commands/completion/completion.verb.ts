import { SHELLS } from '../../completion/shells.js';
import { choiceArg, defineCommand, type VerbInput } from '../spec.js';

const args = { shell: choiceArg('<shell>', 'the shell to complete in', SHELLS) };

/** What `enablex completion` runs with. */
export type CompletionInput = VerbInput<Record<never, never>, typeof args>;

/** `enablex completion <bash|zsh|fish>`. */
export default defineCommand({
  name: 'completion',
  summary: 'print the shell completion script for bash, zsh or fish',
  args,
  examples: [
    ['bash', 'enablex completion bash > ~/.local/share/bash-completion/completions/enablex'],
    ['zsh (the folder must be in $fpath before compinit runs)', 'enablex completion zsh > ~/.zfunc/_enablex'],
    ['fish', 'enablex completion fish > ~/.config/fish/completions/enablex.fish'],
  ],
  load: () => import('./run.js'),
});
