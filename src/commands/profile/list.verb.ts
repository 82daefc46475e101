import { defineCommand } from '../spec.js';

/** `enablex profile list`. */
export default defineCommand({
  name: 'list',
  summary: 'list profiles (secrets are never shown)',
  columns: ['name', 'default', 'app_id', 'base_url', 'recording_user'],
  examples: [
    ['all profiles', 'enablex profile list'],
    ['names only', 'enablex profile list -q'],
  ],
  load: () => import('./list.js'),
});
