import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeBaseUrl } from '../../api/base-url.js';
import { isLoopbackHost } from '../../http/hosts.js';
import { describeProxy, proxyFor } from '../../http/proxy.js';
import type { ResolvedCredentials } from '../../config/resolve.js';
import { CliError, InterruptedError } from '../../lib/errors.js';
import type { Factory } from '../../factory.js';
import type { CheckResult } from './report.js';

const octal = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** The config folder and file: present, readable JSON, and private (0700 / 0600). */
export function checkConfig(f: Pick<Factory, 'configDir' | 'platform'>): CheckResult {
  const dir = f.configDir;
  // conf names the file config.json in the folder (src/config/store.ts, configName 'config').
  const file = join(dir, 'config.json');
  const fileMode = modeOf(file);
  if (fileMode === undefined) {
    return {
      check: 'config',
      status: 'ok',
      detail: `no config file yet (${file}); profiles are saved there`,
    };
  }
  try {
    JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return {
      check: 'config',
      status: 'fail',
      failure: 'config',
      detail: `${file} cannot be read: ${(err as Error).message}`,
      fix: 'repair or move the file, then add profiles again with `enablex profile add <name>`',
    };
  }
  if (f.platform === 'win32') {
    return { check: 'config', status: 'ok', detail: `${file} (permissions are not checked on Windows)` };
  }
  const dirMode = modeOf(dir) ?? 0o700;
  const problems: string[] = [];
  const fixes: string[] = [];
  if (dirMode & 0o077) {
    problems.push(`the folder ${dir} has mode ${octal(dirMode)}: other users can look into it`);
    fixes.push(`chmod 700 ${dir}`);
  }
  if (fileMode & 0o077) {
    problems.push(`${file} has mode ${octal(fileMode)}: other users can read the app keys`);
    fixes.push(`chmod 600 ${file}`);
  }
  if (fixes.length === 0) {
    return { check: 'config', status: 'ok', detail: `${file} (mode ${octal(fileMode)})` };
  }
  return {
    check: 'config',
    status: 'warn',
    detail: problems.join('; '),
    fix: `run \`${fixes.join(' && ')}\``,
  };
}

/** Where the credentials came from, as the precedence of the contract picked them. */
export function sourceLabel(creds: ResolvedCredentials, f: Pick<Factory, 'env'>): string {
  const name = creds.profileName ?? '';
  switch (creds.credentialSource) {
    case 'flag':
      return f.env['ENABLEX_APP_ID']
        ? `profile "${name}" (from --profile; ENABLEX_APP_ID/KEY in the environment are ignored)`
        : `profile "${name}" (from --profile)`;
    case 'env':
      return name
        ? `profile "${name}" (from ENABLEX_PROFILE)`
        : 'the environment (ENABLEX_APP_ID, ENABLEX_APP_KEY)';
    case 'profile':
      return `profile "${name}" (the default profile)`;
    default:
      return "the bundled emulator's development credentials";
  }
}

/** Which credentials this run uses, or why there are none. */
export async function checkCredentials(
  f: Pick<Factory, 'credentials' | 'env'>,
): Promise<[CheckResult, ResolvedCredentials?]> {
  try {
    const creds = await f.credentials();
    const recording = creds.recording ? `set (${creds.recording.source})` : 'not set';
    const detail = `${sourceLabel(creds, f)}, app id ${creds.appId}; recording-file credentials ${recording}`;
    return [{ check: 'credentials', status: 'ok', detail }, creds];
  } catch (err) {
    if (err instanceof InterruptedError) throw err;
    const known = err instanceof CliError;
    return [
      {
        check: 'credentials',
        status: 'fail',
        failure: 'config',
        detail: known ? err.message : `the profile store could not be read: ${(err as Error).message}`,
        fix: known ? err.hint : 'check the config file (see the config line)',
      },
    ];
  }
}

/** The base URL: parses, uses https (plain http only to loopback), and ends in /video/v2. */
export function checkBaseUrl(creds: ResolvedCredentials, f: Pick<Factory, 'options'>): [CheckResult, URL?] {
  let url: URL;
  try {
    url = normalizeBaseUrl(creds.baseUrl, {
      insecure: f.options.insecure,
      source: creds.baseUrlSource === 'flag' ? undefined : creds.baseUrlSource,
    });
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    return [{ check: 'base_url', status: 'fail', failure: 'config', detail: err.message, fix: err.hint }];
  }
  const shown = `${url.toString().replace(/\/$/, '')} (from ${creds.baseUrlSource})`;
  const ok = (detail: string): [CheckResult, URL] => [{ check: 'base_url', status: 'ok', detail }, url];
  const warn = (detail: string, fix: string): [CheckResult, URL] => [
    { check: 'base_url', status: 'warn', detail, fix },
    url,
  ];
  if (url.protocol === 'http:' && creds.baseUrlSource !== 'emulator') {
    return isLoopbackHost(url.hostname)
      ? warn(`${shown}: plain http:// to this machine`, 'fine for the emulator; the real API needs https://')
      : warn(
          `${shown}: plain http:// (allowed by --insecure): the app key travels unencrypted`,
          'use https://',
        );
  }
  if (!url.pathname.endsWith('/video/v2/')) {
    return warn(
      `${shown} does not end in /video/v2`,
      'the EnableX Video API v2 is at https://api.enablex.io/video/v2 (or https://api.<your-brand>/video/v2)',
    );
  }
  return ok(url.protocol === 'https:' ? `${shown}, https` : shown);
}

/** The proxy requests to the base URL go through (HTTPS_PROXY / HTTP_PROXY / NO_PROXY). */
export function checkProxy(url: URL, f: Pick<Factory, 'env'>): CheckResult {
  const env = f.env;
  const proxy = proxyFor(url, env);
  if (!proxy) {
    if (isLoopbackHost(url.hostname))
      return { check: 'proxy', status: 'ok', detail: 'none (loopback is never proxied)' };
    // Would a proxy apply if NO_PROXY were unset? Then NO_PROXY is what keeps this host direct.
    const exempted = proxyFor(url, { ...env, no_proxy: undefined, NO_PROXY: undefined }) !== undefined;
    return {
      check: 'proxy',
      status: 'ok',
      detail: exempted ? `none (NO_PROXY exempts ${url.hostname})` : 'none',
    };
  }
  const shown = describeProxy(proxy);
  if (shown.startsWith('(')) {
    return {
      check: 'proxy',
      status: 'fail',
      failure: 'config',
      detail: `the proxy setting is not a URL ${shown}`,
      fix: 'set HTTPS_PROXY to a URL such as http://proxy.example.com:3128',
    };
  }
  return { check: 'proxy', status: 'ok', detail: `via ${shown}` };
}
