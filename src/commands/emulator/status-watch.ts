import type { Factory } from '../../factory.js';
import { formatUtc } from '../../lib/time.js';
import { Frame } from '../../watch/frame.js';
import { poll } from '../../watch/loop.js';
import type { WatchSettings } from '../../watch/options.js';
import { statusKey, statusText, type EmulatorStatus } from './status-view.js';

/**
 * `enablex emulator status --watch`: on a terminal the status redrawn in place; otherwise one
 * NDJSON line with the whole status (and `time`, from the CLI's clock) each time it changes,
 * the emulator clock's own ticking aside. The live sessions table has the verb's columns.
 */
export async function watchStatus(
  f: Factory,
  fetch: () => Promise<EmulatorStatus>,
  url: string,
  settings: WatchSettings,
): Promise<void> {
  if (settings.mode === 'events') {
    let last: string | undefined;
    await poll(f, {
      intervalMs: settings.intervalMs,
      fetch,
      show: (status, at) => {
        const key = statusKey(status);
        if (key === last) return;
        last = key;
        f.io.raw(`${JSON.stringify({ time: at.toISOString(), ...status })}\n`);
      },
    });
    return;
  }
  const frame = new Frame(f.io.stdout);
  const origin = url.replace(/\/[^/]*\/?$/, '');
  await poll(f, {
    intervalMs: settings.intervalMs,
    fetch,
    beforeNotice: () => frame.clear(),
    show: (status, at) => {
      const header = f.io.cStdout.dim(
        `Every ${settings.intervalMs / 1000}s: emulator at ${origin}, ${formatUtc(at)} UTC. Ctrl-C to stop.`,
      );
      frame.draw(`${header}\n${statusText(status, f.io.stdout.columns, f.verb.columns)}`);
    },
  });
}
