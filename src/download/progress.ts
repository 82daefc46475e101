import { terminalColumns, type OutStream } from '../context.js';
import { textWidth } from '../output/width.js';
import type { FileOutcome, ProgressSink } from './engine.js';

/** `1.5 MiB`: sizes in binary units, one decimal above KiB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${n} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** How progress is shown: a redrawn bar on a TTY, a line per saved file otherwise, or nothing. */
export type ProgressMode = 'bar' | 'lines' | 'off';

/** A progress sink that also knows how to clear itself at the end. */
interface Progress extends ProgressSink {
  end(): void;
}

const REDRAW_MS = 100;

/** Builds the progress display for `total` files on `stream` (stderr). */
export function createProgress(stream: OutStream, mode: ProgressMode, total: number): Progress {
  let files = 0;
  let bytes = 0;
  let drawnAt = -Infinity;
  let drawn = false;

  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - drawnAt < REDRAW_MS) return;
    drawnAt = now;
    const text = ` ${files}/${total} files · ${formatBytes(bytes)}`;
    const width = Math.max(10, Math.min(30, (terminalColumns(stream) ?? 80) - textWidth(text) - 4));
    const filled = total === 0 ? width : Math.round((files / total) * width);
    stream.write(`\r\x1b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${text}`);
    drawn = true;
  };

  return {
    bytes(n) {
      bytes += n;
      if (mode === 'bar') draw(false);
    },
    done(outcome: FileOutcome) {
      files++;
      if (mode === 'bar') draw(true);
      else if (mode === 'lines' && outcome.status === 'downloaded') {
        stream.write(`saved ${outcome.path} (${formatBytes(outcome.bytes)})\n`);
      }
    },
    end() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
