import { bool, defineCommand, type VerbInput } from '../spec.js';

const flags = {
  showSecrets: bool('--show-secrets', 'show app_key and the SIP password instead of hiding them'),
};

/** What `enablex dialin` runs with. */
export type DialinInput = VerbInput<typeof flags>;

/** `enablex dialin`: the dial-in numbers and SIP settings of the application. */
export default defineCommand({
  name: 'dialin',
  summary: 'show the dial-in phone numbers and SIP settings (secrets hidden unless --show-secrets)',
  flags,
  columns: ['country', 'country_code', 'phone', 'type'],
  examples: [
    ['numbers and SIP settings', 'enablex dialin'],
    [
      'the phone numbers only, as CSV',
      "enablex dialin -o json | jq -r '.dialin[] | [.country, .phone] | @csv'",
    ],
    [
      'the SIP password for a PBX set-up (careful: it is printed)',
      'enablex dialin --show-secrets --json --fields sip',
    ],
  ],
  load: () => import('./show.js'),
});
