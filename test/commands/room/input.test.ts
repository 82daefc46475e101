import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addCommand, readInput } from '../../../src/commands/adapter.js';
import create, { type CreateInput } from '../../../src/commands/room/create.verb.js';
import { printDryRun } from '../../../src/commands/room/dry-run.js';
import { roomInputFrom } from '../../../src/commands/room/input.js';
import { TEST_NOW } from '../../helpers/cli.js';
import { makeFactory } from '../../helpers/factory.js';

function runtime(stdin?: string) {
  const { f, ctx } = makeFactory({ stdin });
  return { ctx, rt: f };
}

/** `room create <argv>` parsed by the command tree, as its run function receives it. */
async function parsed(argv: string[]): Promise<CreateInput> {
  const program = new Command('enablex').exitOverride();
  const cmd = addCommand(program, create, () => async () => undefined);
  await program.parseAsync(['create', ...argv], { from: 'user' });
  return readInput(create, cmd) as CreateInput;
}

describe('roomInputFrom', () => {
  it('collects the given setting flags, --name, --owner-ref, --data, the --file body and the clock', async () => {
    const { rt } = runtime('{"settings": {"quality": "SD"}}');
    const command = await parsed([
      ...['--name', 'Town hall', '--owner-ref', 'hr', '--participants', '50'],
      ...['--data', 'team=hr', '--file', '-'],
    ]);
    const input = await roomInputFrom(command, rt);
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
    const command = await parsed([]);
    const input = await roomInputFrom(command, rt);
    expect(input).toEqual({ flags: new Map(), now: TEST_NOW });
  });

  it('names --data when a pair is malformed', async () => {
    const { rt } = runtime();
    const command = await parsed(['--data', 'novalue']);
    await expect(roomInputFrom(command, rt)).rejects.toThrow('--data "novalue" must look like key=value.');
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
