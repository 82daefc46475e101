import { unexpectedShape } from './errors.js';
import type { Http } from './http.js';
import { paths } from './paths.js';

/** One dial-in phone number; `toll: false` means toll-free. */
export interface DialinNumber {
  country?: string;
  country_code?: string;
  phone?: string;
  toll?: boolean | string;
  [key: string]: unknown;
}

/** SIP service settings of the application. */
export interface SipSettings {
  server_url?: string;
  username?: string;
  password?: string;
  sig_servers?: unknown;
  media_servers?: unknown;
  [key: string]: unknown;
}

/** The answer of GET /dialin/ (no `result` key). It echoes secrets: `app_key` and `sip.password`. */
export interface Dialin {
  _id?: string;
  app_key?: string;
  settings?: { sip?: unknown; [key: string]: unknown };
  sip?: SipSettings;
  dialin?: DialinNumber[] | null;
  [key: string]: unknown;
}

/** GET /dialin/ */
export async function getDialin(http: Http): Promise<Dialin> {
  const body = await http.request<unknown>({ method: 'GET', path: paths.dialin() });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw unexpectedShape('GET /dialin/', 'the answer is not a dial-in object');
  }
  return body as Dialin;
}
