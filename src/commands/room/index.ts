import { defineCommand } from '../spec.js';
import apply from './apply.verb.js';
import create from './create.verb.js';
import del from './delete.verb.js';
import exportRooms from './export.verb.js';
import get from './get.verb.js';
import list from './list.verb.js';
import update from './update.verb.js';

/** `enablex room create|list|get|update|export|apply|delete`. */
export default defineCommand({
  name: 'room',
  summary: 'create, list, inspect, update and delete rooms',
  subcommands: [create, list, get, update, exportRooms, apply, del],
});
