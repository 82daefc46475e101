/**
 * Redaction lives with the transport (src/http/redact.ts); this path stays for the entry points
 * (cli.ts, runtime.ts) that import it while the command layer is rebuilt.
 */
export { Scrubber, withScrubbedStderr } from '../http/redact.js';
