import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RoomBody } from '../../../api/rooms.js';
import { InterruptedError } from '../../../lib/errors.js';
import { writeOutput } from '../../../lib/fs/output.js';
import type { WizardIO } from './ask.js';

/**
 * `room-town-hall.json` for "Town hall": a file name that needs no quoting.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function suggestedFileName(name: string | undefined): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `room-${slug || 'settings'}.json`;
}

/** Where the file goes and what may stop it. */
interface SaveContext {
  cwd: string;
  signal: AbortSignal;
}

/** Writes the body through a temp file (a device or a FIFO directly): a failure leaves no file behind. */
async function writeBody(path: string, body: RoomBody, signal: AbortSignal): Promise<void> {
  await writeOutput(path, `${JSON.stringify(body, null, 2)}\n`, {
    beforeCommit: () => {
      if (signal.aborted) throw new InterruptedError();
    },
  });
}

/**
 * Offers to save the room body for `room create --file`. Asks for a path (default from the room
 * name), never overwrites without asking, and writes atomically. Returns the path written, if any.
 */
export async function offerSave(body: RoomBody, io: WizardIO, ctx: SaveContext): Promise<string | undefined> {
  const wanted = await io.prompter.confirm(
    'Save these settings as a file, to create rooms like it with --file?',
    {
      default: false,
    },
  );
  if (!wanted) return undefined;
  let suggestion = suggestedFileName(body.name);
  for (;;) {
    const path = (
      await io.prompter.input('File path', {
        default: suggestion,
        validate: (t) => (t.trim() === '' ? 'give a file path, e.g. room.json' : true),
      })
    ).trim();
    const full = resolve(ctx.cwd, path);
    const existing = await stat(full).catch(() => undefined);
    if (existing?.isDirectory()) {
      io.say(io.c.red(`${path} is a folder; give a file name.`));
      suggestion = join(path, suggestedFileName(body.name));
      continue;
    }
    if (existing && !(await io.prompter.confirm(`${path} exists. Overwrite it?`, { default: false })))
      continue;
    if (ctx.signal.aborted) throw new InterruptedError();
    try {
      await writeBody(full, body, ctx.signal);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === undefined) throw err;
      io.say(
        io.c.red(`cannot write ${path}: ${code === 'ENOENT' ? 'no such folder' : (err as Error).message}.`),
      );
      continue;
    }
    return path;
  }
}
