import { createHmac } from 'node:crypto';
import type { JsonObject } from './json.js';
import { hashString } from './prng.js';

/**
 * GET /dialin/: the SIP settings and dial-in numbers, with no `result` key, echoing the app key
 * and a SIP password (both secrets the CLI masks). Numbers are in fictional ranges.
 */
export function dialinReply(appId: string, appKey: string): JsonObject {
  const h = hashString(appId).toString(16).padStart(8, '0');
  return {
    _id: `${h}${appId.slice(8, 24)}`.slice(0, 24).padEnd(24, '0'),
    app_key: appKey,
    settings: { sip: true },
    sip: {
      server_url: 'sip:sip.emulator.enablex.invalid:5060',
      username: `enx${h}`,
      password: createHmac('sha256', appKey).update('sip').digest('hex').slice(0, 20),
      sig_servers: ['sig1.emulator.enablex.invalid', 'sig2.emulator.enablex.invalid'],
      media_servers: ['media1.emulator.enablex.invalid', 'media2.emulator.enablex.invalid'],
    },
    dialin: [
      { country: 'United States', country_code: '1', phone: '+1 202 555 0147', toll: true },
      { country: 'United States', country_code: '1', phone: '+1 800 555 0199', toll: false },
      { country: 'India', country_code: '91', phone: '+91 22 5555 0123', toll: true },
      { country: 'Singapore', country_code: '65', phone: '+65 5555 0188', toll: true },
    ],
  };
}
