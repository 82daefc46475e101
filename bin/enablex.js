#!/usr/bin/env node
// Tiny shim: check the Node version, run the built CLI, and set the exit code.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 12)) {
  process.stderr.write(`Error: enablex needs Node.js 20.12 or newer (this is ${process.version}).\n`);
  process.exit(2);
}
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
