import { InterruptedError } from '../../../src/lib/errors.js';
import type { Prompter, Validate } from '../../../src/prompt.js';

/** Pressing Ctrl-C at this question (the real prompter turns it into InterruptedError). */
export const CTRL_C = Symbol('ctrl-c');

/** One scripted answer: typed text, a chosen value, yes/no, '' for Enter on the default, or Ctrl-C. */
export type Answer = string | boolean | typeof CTRL_C;

/** What the fake was asked, in order, and what it showed under refused answers. */
export interface Transcript {
  questions: string[];
  refusals: string[];
}

/**
 * A Prompter that plays scripted answers. Like inquirer, an input answer refused by `validate`
 * shows the message and waits for the next answer; Enter on an empty input takes the default.
 */
export class FakePrompter implements Prompter {
  readonly transcript: Transcript = { questions: [], refusals: [] };
  private readonly answers: Answer[];

  constructor(answers: readonly Answer[]) {
    this.answers = [...answers];
  }

  /** Answers not used by the wizard (a test asserts there are none). */
  get left(): readonly Answer[] {
    return this.answers;
  }

  private next(message: string): Exclude<Answer, typeof CTRL_C> {
    this.transcript.questions.push(message);
    if (this.answers.length === 0) throw new Error(`no scripted answer for "${message}"`);
    const answer = this.answers.shift() as Answer;
    if (answer === CTRL_C) throw new InterruptedError();
    return answer;
  }

  async input(message: string, opts: { default?: string; validate?: Validate } = {}): Promise<string> {
    for (;;) {
      const raw = this.next(message);
      if (typeof raw !== 'string') throw new Error(`"${message}" wants text, the script gave ${raw}`);
      const value = raw === '' ? (opts.default ?? '') : raw;
      const verdict = opts.validate ? opts.validate(value) : true;
      if (verdict === true) return value;
      this.transcript.refusals.push(verdict);
    }
  }

  async secret(message: string): Promise<string> {
    throw new Error(`the wizard must not ask for a secret ("${message}")`);
  }

  async confirm(message: string, opts: { default?: boolean } = {}): Promise<boolean> {
    const answer = this.next(message);
    if (answer === '') return opts.default ?? false;
    if (typeof answer !== 'boolean')
      throw new Error(`"${message}" wants yes/no, the script gave "${answer}"`);
    return answer;
  }

  async select<T extends string>(
    message: string,
    choices: readonly { value: T; name?: string }[],
    opts: { default?: T } = {},
  ): Promise<T> {
    const answer = this.next(message);
    if (answer === '') return opts.default ?? (choices[0]?.value as T);
    const match = choices.find((c) => c.value === answer);
    if (!match) {
      throw new Error(
        `"${String(answer)}" is not a choice of "${message}": ${choices.map((c) => c.value).join(', ')}`,
      );
    }
    return match.value;
  }
}
