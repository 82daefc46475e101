/**
 * The answer size cap lives with the transport (src/http/body.ts); this path stays for the
 * entry point (runtime.ts) that imports it while the command layer is rebuilt.
 */
export { maxResponseBytes } from '../http/body.js';
