#!/usr/bin/env node
/**
 * `apim-policy` (dist/cli.js): loads the CLI's bundle (dist/cliMain.js) with V8's code cache, then
 * runs the command line. The large files a `check` names are read meanwhile, on libuv's threads
 * (node/readAhead.ts). Kept to this: whatever it imports is compiled at every start, cache or not.
 */
import * as path from 'path';
import { loadBundle } from './node/codeCache';
import { readAhead, READ_AHEAD_MAX_BYTES } from './node/readAhead';

const args = process.argv.slice(2);
const ahead = args[0] === 'check' ? readAhead(args.slice(1), READ_AHEAD_MAX_BYTES) : undefined;
(loadBundle(path.join(__dirname, 'cliMain.js')).exports as typeof import('./cli')).main(ahead);
