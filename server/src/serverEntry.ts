/**
 * The language server's process (dist/server.js): loads the server's bundle (dist/serverMain.js)
 * with V8's code cache; its top level starts the server. Kept to this: whatever it imports is
 * compiled at every start, cache or not.
 */
import * as path from 'path';
import { loadBundle } from './node/codeCache';

loadBundle(path.join(__dirname, 'serverMain.js'));
