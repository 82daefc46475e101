import { ROOM_SETTINGS } from '../settings.js';
import { askSetting, settingLabel, show, type WizardIO } from './ask.js';
import { current, SPEC_BY_FLAG, type WizardState } from './state.js';
import { MAIN_FLAGS } from './summary.js';

/** The settings under "more settings": every one the main questions leave out, the most used first. */
export const MORE_FLAGS: readonly string[] = (() => {
  const first = [
    'knock',
    'wait-for-moderator',
    'screen-share',
    'max-active-talkers',
    'media-zone',
    'description',
  ];
  const rest = ROOM_SETTINGS.map((s) => s.flag).filter((f) => !MAIN_FLAGS.includes(f) && !first.includes(f));
  return [...first, ...rest];
})();

/** The "more settings" menu: pick a setting, answer it, back to the menu, until "done". */
export async function askMore(state: WizardState, io: WizardIO): Promise<void> {
  let last = 'done';
  for (;;) {
    const width = Math.max(...MORE_FLAGS.map((f) => f.length));
    last = await io.prompter.select(
      'More settings: pick one to set',
      [
        { value: 'done', name: 'done', short: 'done' },
        ...MORE_FLAGS.map((flag) => ({
          value: flag,
          name: `${settingLabel(flag).padEnd(width)}  ${show(current(state, flag))}`,
          description: SPEC_BY_FLAG.get(flag)?.description,
          short: settingLabel(flag),
        })),
      ],
      { default: last },
    );
    if (last === 'done') return;
    await askSetting(state, io, last);
  }
}
