import { defineCommand } from '../spec.js';

/** `enablex doctor`. */
export default defineCommand({
  name: 'doctor',
  summary: 'check config, credentials, base URL, proxy, API access and clock skew',
  examples: [
    ['check the default setup', 'enablex doctor'],
    [
      'check one profile; show only what is not ok',
      `enablex doctor --profile prod -o json | jq '.[] | select(.status != "ok")'`,
    ],
    ['check a white-label host', 'enablex doctor --base-url https://api.example.com/video/v2'],
  ],
  // The config check reports loose permissions as a line of its own; no second warning.
  behaviour: { reportsLoosePermissions: true },
  load: () => import('./run.js'),
});
