import { defineCommand } from '../spec.js';
import add from './add.verb.js';
import list from './list.verb.js';
import remove from './remove.verb.js';
import show from './show.verb.js';
import use from './use.verb.js';

/** `enablex profile add|list|show|use|remove`. */
export default defineCommand({
  name: 'profile',
  summary: 'save and choose credentials (app id, app key, base URL)',
  subcommands: [add, list, show, use, remove],
});
