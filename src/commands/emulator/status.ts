import type { Factory } from '../../factory.js';
import { watchSettings } from '../../watch/options.js';
import { controlClient } from './control-client.js';
import type { StatusInput } from './status.verb.js';
import { statusText, type EmulatorStatus } from './status-view.js';

/**
 * `enablex emulator status`: the emulator's clock, counts, live sessions, faults and synthetic CDR.
 * A terminal table shows the counts and the live sessions; other formats (or --fields) the whole object.
 */
export async function run({ opts }: StatusInput, f: Factory): Promise<void> {
  const watch = watchSettings(opts, f.options, f.io.stdout.isTTY === true);
  const control = await controlClient(f);
  const fetchStatus = async (): Promise<EmulatorStatus> => {
    const { result: _result, ...status } = await control.request<EmulatorStatus>({
      method: 'GET',
      path: 'status',
    });
    return status;
  };
  if (watch) {
    const { watchStatus } = await import('./status-watch.js');
    return watchStatus(f, fetchStatus, control.url, watch);
  }
  const status = await fetchStatus();
  if (f.options.format === 'table' && !f.options.fields && !f.options.quiet) {
    f.io.raw(statusText(status, f.io.stdout.columns, f.verb.columns));
    return;
  }
  f.io.data(status);
}
