import { RECORDING_HOSTS_ENV, type HostTrust } from '../../download/url-policy.js';
import type { PlannedFile } from './plan.js';

/**
 * Refuses every planned file on a host the recording credentials must not go to: it is not
 * fetched at all (without credentials a real file server answers 403, and a hostile listing
 * should not make the CLI fetch arbitrary URLs). It counts as failed, naming the way to allow it.
 */
export function refuseUntrusted(plan: readonly PlannedFile[], trust: HostTrust): PlannedFile[] {
  return plan.map((item) => {
    if (!item.job || trust.allows(item.job.url)) return item;
    const { job, ...rest } = item;
    return {
      ...rest,
      refused: `${job.url.host} is not trusted with the recording credentials (trusted: ${trust.rule}); if it really serves your recordings, add it to ${RECORDING_HOSTS_ENV}`,
    };
  });
}

/** The host a planned file comes from, for the dry run (empty when its URL is not one). */
export function hostOf(item: PlannedFile): string {
  if (item.job) return item.job.url.host;
  try {
    return new URL(item.url).host;
  } catch {
    return '';
  }
}
