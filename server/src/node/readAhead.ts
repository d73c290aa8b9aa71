/**
 * Reading the large files a `check` names while the CLI's bundle loads.
 *
 * A start spends some 40 ms loading the bundle before `check` reads anything, and reading a large
 * file spends most of its time in the kernel, copying into fresh pages (30 of the 80 ms of an 8 MB
 * policy on the bench machine). Started first, on libuv's threads, the read runs beside the load.
 *
 * It only ever saves time: what it read is used by `readRegularFile`, after the confined reader's
 * own checks (the real path, the roots, the size), and only if the file it opens then is the one
 * read here (same device, inode, size and modification time) and was read whole. Anything else
 * (a file that changed, a short read, an error) is read again the usual way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OPEN_FLAGS, SPARE_BYTES } from './confinedFiles';

/** What a read ahead got: the file as `fstat` saw it on the descriptor read, and its bytes. */
export interface ReadAheadFile {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  /** The whole file, in a buffer of its own (it may be lent as `ConfinedRead.spare`). */
  bytes: Buffer;
}

/** Reads under way, by absolute path; a promise resolves undefined when its read failed or fell short. */
export type ReadAhead = ReadonlyMap<string, Promise<ReadAheadFile | undefined>>;

/** The parser's ceiling, `MAX_CHECKED_TEXT` (a test keeps them equal): the parser is not imported into the CLI's entry. */
export const READ_AHEAD_MAX_BYTES = 16 * 1024 * 1024;

/** At most this many files are read ahead, at most `maxBytes` each. */
export const READ_AHEAD_FILES = 4;

/**
 * Starts reading the arguments that name regular files of at least `SPARE_BYTES` (smaller ones
 * gain nothing) and at most `maxBytes`. Options and their values, folders and anything that does
 * not open are skipped: the command sees them as it always does.
 */
export function readAhead(args: readonly string[], maxBytes: number): ReadAhead {
  const reads = new Map<string, Promise<ReadAheadFile | undefined>>();
  for (const arg of args) {
    if (reads.size >= READ_AHEAD_FILES) break;
    if (arg.startsWith('-')) continue;
    const file = path.resolve(arg);
    if (reads.has(file)) continue;
    let fd: number;
    try {
      fd = fs.openSync(file, OPEN_FLAGS);
    } catch {
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.fstatSync(fd);
    } catch {
      fs.closeSync(fd);
      continue;
    }
    if (!stat.isFile() || stat.size < SPARE_BYTES || stat.size > maxBytes) {
      fs.closeSync(fd);
      continue;
    }
    reads.set(file, readWhole(fd, stat));
  }
  return reads;
}

/** One read of the file and a byte more, to see whether it grew: anything but exactly `size` bytes is no read ahead. */
function readWhole(fd: number, stat: fs.Stats): Promise<ReadAheadFile | undefined> {
  const buffer = Buffer.allocUnsafeSlow(stat.size + 1);
  return new Promise(resolve => {
    fs.read(fd, buffer, 0, buffer.length, 0, (error, read) => {
      fs.close(fd, () => undefined);
      resolve(error || read !== stat.size ? undefined : { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, bytes: buffer.subarray(0, read) });
    });
  });
}
