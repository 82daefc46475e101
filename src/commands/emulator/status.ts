import type { Runtime } from '../../runtime.js';
import { watchSettings } from '../../watch/options.js';
import type { CommandInput } from '../define.js';
import { controlClient } from './control-client.js';
import { statusText, type EmulatorStatus } from './status-view.js';

/**
 * `enablex emulator status`: the emulator's clock, counts, live sessions, faults and synthetic CDR.
 * A terminal table shows the counts and the live sessions; other formats (or --fields) the whole object.
 */
export async function run({ opts }: CommandInput, rt: Runtime): Promise<void> {
  const watch = watchSettings(opts, rt.globals, rt.ctx.stdout.isTTY === true);
  const control = await controlClient(rt);
  const fetchStatus = async (): Promise<EmulatorStatus> => {
    const { result: _result, ...status } = await control.request<EmulatorStatus>({
      method: 'GET',
      path: 'status',
    });
    return status;
  };
  if (watch) {
    // Ctrl-C is how a watch ends: exit 0.
    rt.stopSignalIsSuccess = true;
    const { watchStatus } = await import('./status-watch.js');
    return watchStatus(rt, fetchStatus, control.url, watch);
  }
  const status = await fetchStatus();
  if (rt.globals.format === 'table' && !rt.globals.fields && !rt.globals.quiet) {
    rt.out.raw(statusText(status, rt.ctx.stdout.columns));
    return;
  }
  rt.out.data(status);
}
