/**
 * Running a CommonJS bundle (the CLI's, the server's) with V8's code cache.
 *
 * Compiling a bundle is a cost of every start, before any work: V8 reads the whole source to find
 * its functions (for the CLI's 0.58 MB, about 30 ms on the bench machine). With the bytecode of a
 * former start, V8 skips most of it. The first start writes that bytecode beside the bundle
 * (`<bundle>.v8cache`); the next ones read it.
 *
 * The cache only saves time, it never decides anything:
 * - it is used only by the Node version and architecture that wrote it, for the same bundle (its
 *   size and modification time are in the file's first line; a build also deletes the old ones);
 * - V8 checks it too (its own version, its flags, the source), and a cache it refuses is replaced;
 * - a bundle folder we may not write to (a read-only install) means no cache, and no error;
 * - `APIM_POLICY_CODE_CACHE=off` turns it off.
 *
 * It is made right after the bundle's top level has run: the functions compiled by then are in it,
 * and no V8 flag has changed yet (the C# parser's load sets `--liftoff-only`, and a cache made
 * under other flags than the next start's would be refused there, then made again, at every start).
 * It lives beside the bundle, never in a shared folder such as the system's temporary one: whoever
 * can write there can already change the bundle itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { createRequire } from 'module';

/** What became of the cache in one load. */
export type CodeCacheUse =
  /** read and accepted by V8 */
  | 'used'
  /** none fitted (missing, another Node, another bundle, refused by V8): a new one was written */
  | 'written'
  /** none fitted, and none could be written (read-only folder, full disk…) */
  | 'unwritable'
  /** turned off by APIM_POLICY_CODE_CACHE=off */
  | 'off';

export interface LoadedBundle {
  /** The bundle's `module.exports`. */
  exports: unknown;
  cache: CodeCacheUse;
}

/** The longest first line a cache file may have (its key): longer means it is not one of ours. */
const MAX_KEY = 200;

/** Loads and runs the CommonJS bundle `file` as Node's own loader would, with the code cache beside it. */
export function loadBundle(file: string): LoadedBundle {
  const stat = fs.statSync(file);
  let source = fs.readFileSync(file, 'utf8');
  // a `#!` line is a comment only at the very start of a script: inside the wrapper it must become one
  if (source.startsWith('#!')) source = '//' + source.substring(2);
  const off = process.env.APIM_POLICY_CODE_CACHE === 'off';
  const cacheFile = `${file}.v8cache`;
  const key = `${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs}`;
  const cachedData = off ? undefined : readCache(cacheFile, key);
  // Node's own wrapper, on a line of its own, so that a stack trace's lines and columns are the bundle's
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, lineOffset: -1, cachedData });
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  const cache: CodeCacheUse = off ? 'off' : cachedData && !script.cachedDataRejected ? 'used' : writeCache(cacheFile, key, script) ? 'written' : 'unwritable';
  return { exports: module.exports, cache };
}

/** The cache's data when its key is `key`, else undefined (no file, another Node or bundle, not ours). */
function readCache(cacheFile: string, key: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const newline = data.indexOf(10);
  if (newline < 0 || newline > MAX_KEY || data.toString('latin1', 0, newline) !== key) return undefined;
  return data.subarray(newline + 1);
}

/**
 * Writes the cache as a whole or not at all: to a file of this process first, then renamed over the
 * old one, so that a start reading it meanwhile (another window's server) sees one or the other.
 * The file is created before the cache is made: in a folder we may not write to (an install of
 * another user's), every start would otherwise make a cache (some milliseconds) to no end.
 */
function writeCache(cacheFile: string, key: string, script: vm.Script): boolean {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = fs.openSync(temporary, 'wx');
  } catch {
    return false;
  }
  try {
    try {
      fs.writeSync(fd, `${key}\n`, null, 'latin1');
      fs.writeSync(fd, script.createCachedData());
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, cacheFile);
    return true;
  } catch {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // gone already
    }
    return false;
  }
}
