import type { Factory } from '../../factory.js';
import { checkBaseUrl, checkConfig, checkCredentials, checkProxy, sourceLabel } from './local.js';
import { checkApi, checkClock } from './remote.js';
import { outcome, printReport, summary, type CheckResult } from './report.js';

const skipped = (check: string, because: string): CheckResult => ({
  check,
  status: 'skip',
  detail: `not checked: ${because}`,
});

/**
 * `enablex doctor`: runs every check in order (each one only when the ones it needs passed), prints
 * one line per check, and exits 0 when nothing failed, 3 when configuration or credentials failed,
 * 5 when the API could not be reached, 1 when the API refused the call for another reason.
 */
export async function run(_input: unknown, f: Factory): Promise<void> {
  const results: CheckResult[] = [checkConfig(f)];
  const [credentials, creds] = await checkCredentials(f);
  results.push(credentials);
  if (!creds) {
    results.push(
      skipped('base_url', 'no credentials'),
      skipped('proxy', 'no credentials'),
      skipped('api', 'no credentials'),
      skipped('clock', 'no answer from the server'),
    );
  } else {
    const [baseUrl, url] = checkBaseUrl(creds, f);
    results.push(baseUrl);
    if (!url) {
      results.push(
        skipped('proxy', 'no usable base URL'),
        skipped('api', 'no usable base URL'),
        skipped('clock', 'no answer from the server'),
      );
    } else {
      const proxy = checkProxy(url, f);
      results.push(proxy);
      if (proxy.status === 'fail') {
        results.push(
          skipped('api', 'the proxy setting is unusable'),
          skipped('clock', 'no answer from the server'),
        );
      } else {
        const [api, answer] = await checkApi(f, sourceLabel(creds, f));
        results.push(api, checkClock(answer));
      }
    }
  }
  printReport(results, f);
  const failure = outcome(results);
  if (failure) throw failure;
  f.io.success(summary(results));
}
