// Benchmark helper: runs a command and reports wall time, CPU time and peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** True when GNU time is there (`/usr/bin/time -v` reports peak RSS of the child and its children). */
export const hasGnuTime =
  existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' }).status === 0;

/** How peak RSS is measured, for the results heading. */
export const rssMethod = hasGnuTime ? 'GNU time -v' : 'process.resourceUsage() in the child';

/**
 * Makes a measurer. Without GNU time, a node script is run through a small wrapper that writes its
 * own process.resourceUsage() on exit; a shell pipeline then gets wall time only.
 */
export function createMeasurer(work) {
  const usageFile = join(work, 'usage.json');
  const wrapper = join(work, 'measure-wrapper.mjs');
  writeFileSync(
    wrapper,
    `import { writeFileSync } from 'node:fs';\n` +
      `import { pathToFileURL } from 'node:url';\n` +
      `process.argv.splice(1, 1); // the script then sees the same argv as when run directly\n` +
      `const script = process.argv[1];\n` +
      `process.on('exit', () => { const u = process.resourceUsage();\n` +
      `  writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify({ rssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n` +
      `await import(pathToFileURL(script).href);\n`,
  );

  /** Runs `file args` (or `sh -c script`); resolves with { ms, cpuMs, rssKiB, code, stderr }. */
  return function measure(file, args, env, { shell = false } = {}) {
    let command = shell ? 'sh' : file;
    let argv = shell ? ['-c', args[0]] : args;
    const wrapped = !hasGnuTime && !shell && file === process.execPath;
    rmSync(usageFile, { force: true });
    if (hasGnuTime) {
      argv = ['-v', command, ...argv];
      command = '/usr/bin/time';
    } else if (wrapped) {
      argv = [wrapper, ...argv];
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const child = spawn(command, argv, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => {
        const ms = performance.now() - started;
        const num = (re) => {
          const m = re.exec(stderr);
          return m ? Number(m[1]) : undefined;
        };
        let rssKiB = num(/Maximum resident set size \(kbytes\): (\d+)/);
        const user = num(/User time \(seconds\): ([\d.]+)/);
        const system = num(/System time \(seconds\): ([\d.]+)/);
        let cpuMs = user === undefined || system === undefined ? undefined : (user + system) * 1000;
        if (wrapped && existsSync(usageFile)) {
          ({ rssKiB, cpuMs } = JSON.parse(readFileSync(usageFile, 'utf8')));
        }
        const own = hasGnuTime ? stderr.replace(/\n?\tCommand being timed:[\s\S]*$/, '') : stderr;
        resolve({ ms, cpuMs, rssKiB, code, stderr: own.trim() });
      });
    });
  };
}

/** The file URL of a path, for dynamic imports of the built modules. */
export const fileUrl = (path) => pathToFileURL(path).href;
