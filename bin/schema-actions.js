#!/usr/bin/env node
// The CLI runs the same committed bundle as the actions. Node's version is checked first, with code any Node can
// parse: on a Node older than the bundle needs it would otherwise stop with an obscure syntax or API error.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const needed = /^>=\s*(\d+)\.(\d+)/.exec(engines.node).slice(1).map(Number);
const running = process.versions.node.split('.').map(Number);
if (running[0] < needed[0] || (running[0] === needed[0] && running[1] < needed[1])) {
  process.stderr.write(
    `schema-actions needs Node.js ${needed.join('.')} or newer, and this is ${process.version}: install a current Node.js LTS (https://nodejs.org).\n`,
  );
  process.exit(1);
}
await import('../dist/cli.js');
