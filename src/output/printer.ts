import type { Writable } from 'node:stream';
import { Chalk, type ChalkInstance } from 'chalk';
import { terminalColumns, type OutStream } from '../context.js';
import { UsageError } from '../lib/errors.js';
import type { ColorLevel } from './color.js';
import { flatten, getPath } from './flatten.js';
import type { Format } from './formats.js';
import { render } from './render.js';
import { terminalSafe, terminalSafeLines } from './escape.js';

/** What a command hands over to print its data. */
interface PrintSpec {
  /** Columns of the default table (lists). */
  columns?: readonly string[];
  /** The identifier printed alone by `-q` (dotted path). */
  idField?: string;
  /** Said on stderr when a list is empty and the format is table. */
  empty?: string;
  /** A table column that wraps on a narrow terminal instead of being cut (messages, fixes). */
  wrap?: string;
  /** Colours the CLI adds to table columns (doctor's status), applied after the cell is escaped. */
  styles?: Readonly<Record<string, (text: string) => string>>;
  /** Columns a narrow terminal hides first, in order (default: from the right; ids never). */
  hideFirst?: readonly string[];
}

/** The streams a Printer writes to. */
interface PrinterStreams {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  /** The real stderr stream, for ora. */
  readonly rawStderr: Writable;
}

/** What a Printer needs of the command line, already checked. */
interface PrinterOptions {
  /** `-o`: the format of data on stdout. */
  readonly format: Format;
  /** `--fields`: dotted paths to keep. */
  readonly fields?: readonly string[] | undefined;
  /** `-q`: identifiers only on stdout, no notes or success lines. */
  readonly quiet: boolean;
  /** `--verbose`: no spinner (the request log would fight it). */
  readonly verbose: boolean;
  /** Colour on stderr: its level, 0 for none (see colorLevels in color.ts). */
  readonly color: ColorLevel;
  /** Colour on stdout (tables, and the CLI's own lines there such as watch headers), 0 for none. */
  readonly stdoutColor: ColorLevel;
  /** `--csv-raw`: CSV cells exactly as received. */
  readonly csvRaw: boolean;
}

/** A spinner as commands see it; a no-op when stderr is not a TTY. */
interface Spinner {
  update(text: string): void;
  stop(): void;
}

/**
 * The one place that writes to the user: data on stdout in the chosen format, everything else
 * (notes, success lines, warnings, progress) on stderr, colour only on a TTY.
 */
export class Printer {
  /** Colours for stderr: warnings, success and failure marks, the --verbose log. */
  readonly c: ChalkInstance;
  /** Colours for what the CLI itself prints on stdout (tables, watch headers, diffs): none unless stdout colour is on (a TTY or FORCE_COLOR) and the format is table. */
  readonly cStdout: ChalkInstance;
  /** The options this Printer was made with (a copy: later changes to the source do not reach it). */
  readonly options: PrinterOptions;
  private readonly ctx: PrinterStreams;
  constructor(streams: PrinterStreams, options: PrinterOptions) {
    this.ctx = { stdout: streams.stdout, stderr: streams.stderr, rawStderr: streams.rawStderr };
    const { format, fields, quiet, verbose, color, stdoutColor, csvRaw } = options;
    this.options = { format, fields, quiet, verbose, color, stdoutColor, csvRaw };
    this.c = new Chalk({ level: color });
    this.cStdout = new Chalk({ level: stdoutColor });
  }

  /** Prints a result (object or list) on stdout as -o, --fields and -q ask. */
  data(value: unknown, spec: PrintSpec = {}): void {
    const g = this.options;
    if (g.quiet) {
      if (!spec.idField) return; // -q prints identifiers or nothing: this data has none
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        const id = getPath(item, spec.idField);
        if (id !== undefined && id !== null) this.ctx.stdout.write(`${terminalSafe(String(id))}\n`);
      }
      return;
    }
    if (g.fields) checkFields(value, g.fields);
    if (Array.isArray(value) && value.length === 0 && g.format === 'table') {
      if (spec.empty) this.note(spec.empty);
      return;
    }
    this.ctx.stdout.write(
      render(value, {
        format: g.format,
        fields: g.fields,
        tableColumns: spec.columns,
        width: terminalColumns(this.ctx.stdout),
        wrap: spec.wrap,
        styles: spec.styles,
        keep: spec.idField,
        hideFirst: spec.hideFirst,
        onHidden: (headers, width) => this.note(hiddenNote(headers, width)),
        csv: { neutralise: !g.csvRaw, terminal: this.ctx.stdout.isTTY === true },
      }),
    );
  }

  /** Writes raw text on stdout (already formatted by the CLI; server text in it must be escaped). */
  raw(text: string): void {
    this.ctx.stdout.write(text);
  }

  /**
   * An informational line on stderr; silenced by -q. Every message line on stderr is escaped (server
   * text may be in it; a line break shows as \x0a) before the CLI's own colour is added: `style`
   * colours the whole line.
   */
  note(message: string, style?: (text: string) => string): void {
    const safe = terminalSafe(message);
    if (!this.options.quiet) this.ctx.stderr.write(`${style ? style(safe) : safe}\n`);
  }

  /** A success line on stderr (`✓ Created room …`); silenced by -q. */
  success(message: string): void {
    if (!this.options.quiet) this.ctx.stderr.write(`${this.c.green('✓')} ${terminalSafe(message)}\n`);
  }

  /** A warning on stderr; never silenced. */
  warn(message: string): void {
    this.ctx.stderr.write(`${this.c.yellow('Warning:')} ${terminalSafe(message)}\n`);
  }

  /** A failure line on stderr (`✗ room b: not found`), for one failed part of a larger job; never silenced. */
  failure(message: string): void {
    this.ctx.stderr.write(`${this.c.red('✗')} ${terminalSafe(message)}\n`);
  }

  /** A line of the --verbose log on stderr (escaped, then dimmed); never silenced. */
  log(line: string): void {
    this.ctx.stderr.write(`${this.c.dim(terminalSafeLines(line))}\n`);
  }

  /** Runs `work` under a spinner on a TTY stderr (ora is loaded only then). */
  async spin<T>(text: string, work: (spinner: Spinner) => Promise<T>): Promise<T> {
    // A terminal that reports no width (0 columns) gets no spinner: ora divides by the width to
    // know how many rows to erase, and with 0 it erases forever.
    const tty = this.ctx.stderr.isTTY && terminalColumns(this.ctx.stderr) !== undefined;
    if (!tty || this.options.quiet || this.options.verbose) {
      return work({ update: () => undefined, stop: () => undefined });
    }
    const { default: ora } = await import('ora');
    const spinner = ora({ text, stream: this.ctx.rawStderr, color: 'cyan', isEnabled: true }).start();
    try {
      return await work({ update: (t) => (spinner.text = t), stop: () => spinner.stop() });
    } finally {
      spinner.stop();
    }
  }
}

/**
 * Refuses a --fields name that matches nothing in any record (a typo such as `nmae`), rather than
 * printing empty columns. A field present in only some records is fine (CDR records vary).
 */
function checkFields(value: unknown, fields: readonly string[]): void {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return;
  const unknown = fields.filter((f) => items.every((item) => getPath(item, f) === undefined));
  if (unknown.length === 0) return;
  const known = [...new Set(items.slice(0, 50).flatMap((i) => Object.keys(flatten(i))))];
  throw new UsageError(
    `--fields: no record has ${unknown.map((f) => `"${f}"`).join(', ')}.`,
    `Fields here: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}.`,
  );
}

/** The stderr note for columns a narrow terminal could not show. */
export function hiddenNote(headers: readonly string[], width: number): string {
  const list = headers.join(', ');
  return `Not shown at ${width} columns: ${list} (see --fields, -o csv).`;
}
