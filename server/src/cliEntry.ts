#!/usr/bin/env node
/**
 * `apim-policy` (dist/cli.js): loads the CLI's bundle (dist/cliMain.js) with V8's code cache, then
 * runs the command line. Kept to this: whatever it imports is compiled at every start, cache or not.
 */
import * as path from 'path';
import { loadBundle } from './node/codeCache';

(loadBundle(path.join(__dirname, 'cliMain.js')).exports as typeof import('./cli')).main();
