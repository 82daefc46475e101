import type { ChalkInstance } from 'chalk';
import type { PlanAction, PlanItem } from './apply-plan.js';
import { jsonTerminalSafe, terminalSafe } from '../../output/escape.js';

/** A plan line as data (`-o json`): no request bodies, `room_id` only when there is a live room. */
interface PlanRow {
  action: PlanAction;
  name: string;
  owner_ref: string;
  room_id?: string;
  changes: { key: string; from: unknown; to: unknown }[];
  reason?: string;
  room_ids?: string[];
}

/** The plan as printed with `-o json|yaml|ndjson`: `from` is null where the room has no value. */
export function planRows(plan: readonly PlanItem[]): PlanRow[] {
  return plan.map((i) => {
    const row: PlanRow = {
      action: i.action,
      name: i.name,
      owner_ref: i.owner_ref,
      ...(i.room_id ? { room_id: i.room_id } : {}),
      changes: i.changes.map((c) => ({ key: c.key, from: c.from ?? null, to: c.to ?? null })),
    };
    if (i.reason) row.reason = i.reason;
    if (i.room_ids) row.room_ids = i.room_ids;
    return row;
  });
}

/**
 * A value in the diff: counts bare (so "10" and 10 read alike), text quoted, unset said so. Live
 * values come from the server: quoted as JSON with every control character escaped.
 * @internal Exported for its table test: the rule itself is what the test checks.
 */
export function showValue(v: unknown): string {
  if (v === undefined || v === null) return '(unset)';
  if (typeof v === 'string') return /^\d+$/.test(v) ? v : jsonTerminalSafe(JSON.stringify(v));
  return typeof v === 'object' ? jsonTerminalSafe(JSON.stringify(v)) : terminalSafe(String(v));
}

/** `"Town hall" (owner_ref hr)`, safe for a terminal (names come from the server). */
export function roomLabel(i: { name: string; owner_ref: string }): string {
  return `${jsonTerminalSafe(JSON.stringify(i.name))} (owner_ref ${terminalSafe(String(i.owner_ref))})`;
}

const MARK: Record<PlanAction, string> = {
  create: '+',
  update: '~',
  replace: '-/+',
  delete: '-',
  unchanged: '=',
  skip: '!',
  duplicate: '!',
};

/** How many rooms each action concerns, as a sentence: "2 to create, 1 to update, 5 unchanged". */
function planCounts(plan: readonly PlanItem[], replace: boolean): string {
  const count = (a: PlanAction) => plan.filter((i) => i.action === a).length;
  const parts: [number, string][] = [
    [count('create'), 'to create'],
    [count('update'), 'to update'],
    [count('replace'), replace ? 'to re-create' : 'needing re-creation (--replace)'],
    [count('delete'), 'to delete'],
    [count('unchanged'), 'unchanged'],
    [count('skip'), 'skipped'],
    [count('duplicate'), 'ambiguous (duplicates)'],
  ];
  const shown = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return shown.length ? shown.join(', ') : 'no rooms';
}

/**
 * The plan as a readable diff: `+` create, `~` update (old -> new per key), `-` delete, `-/+`
 * replace, `!` skipped or ambiguous. Unchanged rooms are counted, not listed.
 */
export function renderDiff(plan: readonly PlanItem[], c: ChalkInstance, opts: { replace: boolean }): string {
  const colour: Record<PlanAction, (s: string) => string> = {
    create: c.green,
    update: c.yellow,
    replace: c.magenta,
    delete: c.red,
    unchanged: c.dim,
    skip: c.yellow,
    duplicate: c.red,
  };
  const lines: string[] = [];
  for (const item of plan) {
    if (item.action === 'unchanged') continue;
    const paint = colour[item.action];
    const id = item.room_id ? c.dim(` ${terminalSafe(item.room_id)}`) : '';
    lines.push(paint(`${MARK[item.action]} ${item.action} ${roomLabel(item)}`) + id);
    if (item.action === 'create') {
      for (const ch of item.changes) lines.push(`    ${terminalSafe(ch.key)}: ${showValue(ch.to)}`);
    } else if (item.action === 'update' || item.action === 'replace') {
      for (const ch of item.changes)
        lines.push(`    ${terminalSafe(ch.key)}: ${showValue(ch.from)} -> ${showValue(ch.to)}`);
    }
    if (item.action === 'replace') {
      lines.push(
        opts.replace
          ? c.magenta(
              '    mode, scheduled or adhoc differ: it is deleted and re-created (its room id changes)',
            )
          : c.magenta(
              '    mode, scheduled or adhoc cannot change: pass --replace to delete and re-create it',
            ),
      );
    }
    if (item.reason) lines.push(`    ${terminalSafe(item.reason)}`);
  }
  lines.push(`Plan: ${planCounts(plan, opts.replace)}.`);
  return `${lines.join('\n')}\n`;
}
