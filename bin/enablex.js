#!/usr/bin/env node
// Tiny shim: check the Node version, answer --version at once, run the bundled CLI, set the exit code.
import { readFileSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(`Error: enablex needs Node.js 20.12 or newer (this is ${process.version}).\n`);
  process.exit(2);
}
// Node 22+ keeps compiled code on disk between runs: later start-ups skip most of the parsing.
module.enableCompileCache?.();
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // The version alone needs nothing of the CLI: no command tree, no libraries.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  const { main } = await import('../dist/bundle/main.js');
  process.exitCode = await main(argv);
}
