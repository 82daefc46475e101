import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { printDryRun } from '../../../src/commands/room/dry-run.js';
import { addSettingFlags } from '../../../src/commands/room/flags.js';
import { roomInputFrom } from '../../../src/commands/room/input.js';
import { resolveGlobals } from '../../../src/globals.js';
import { Runtime } from '../../../src/runtime.js';
import { TEST_NOW, makeContext } from '../../helpers/cli.js';

function runtime(stdin?: string) {
  const ctx = makeContext({ stdin });
  return { ctx, rt: new Runtime(ctx, resolveGlobals({}, ctx)) };
}

function parsed(argv: string[]): Command {
  return addSettingFlags(new Command('create').exitOverride()).parse(argv, { from: 'user' });
}

describe('roomInputFrom', () => {
  it('collects the given setting flags, --name, --owner-ref, --data, the --file body and the clock', async () => {
    const { rt } = runtime('{"settings": {"quality": "SD"}}');
    const command = parsed([
      ...['--name', 'Town hall', '--owner-ref', 'hr', '--participants', '50'],
      ...['--data', 'team=hr', '--file', '-'],
    ]);
    const input = await roomInputFrom(command.opts(), command, rt);
    expect(input).toEqual({
      flags: new Map([['participants', '50']]),
      name: 'Town hall',
      ownerRef: 'hr',
      data: { team: 'hr' },
      file: { settings: { quality: 'SD' } },
      now: TEST_NOW,
    });
  });

  it('leaves out what was not given', async () => {
    const { rt } = runtime();
    const command = parsed([]);
    const input = await roomInputFrom(command.opts(), command, rt);
    expect(input).toEqual({ flags: new Map(), now: TEST_NOW });
  });

  it('names --data when a pair is malformed', async () => {
    const { rt } = runtime();
    const command = parsed(['--data', 'novalue']);
    await expect(roomInputFrom(command.opts(), command, rt)).rejects.toThrow(
      '--data "novalue" must look like key=value.',
    );
  });
});

describe('printDryRun', () => {
  it('prints the method, the route with a leading slash and the body; notes that nothing was sent', () => {
    const { ctx, rt } = runtime();
    printDryRun(rt, 'PATCH', 'rooms/r1', { name: 'x' });
    expect(JSON.parse(ctx.out.text)).toEqual({ method: 'PATCH', path: '/rooms/r1', body: { name: 'x' } });
    expect(ctx.err.text).toContain('Dry run: nothing was sent.');
  });
});
