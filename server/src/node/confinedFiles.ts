/**
 * The one way the server, the CLI and the client read a file that a config, a setting or a flag
 * names. The workspace is untrusted input: a committed `apim-flows.json` must not make us read
 * `/etc/passwd`, follow a symlink out of the workspace, block on a FIFO or fill memory from
 * `/dev/zero`. So a read resolves the real path (symlinks included), requires it inside the given
 * roots, takes regular files only, and checks the size before reading, then reads at most the cap.
 * A refusal says why in words that follow "is" ("outside the workspace folder", "not a regular
 * file", "larger than 4 MB", "not found"), and never carries the file's content.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { ReadAheadFile } from './readAhead';

/** ARM's own template limit; a policy is at most 256 KiB, so every file we read fits. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** A key set is small: the key endpoint's answer is capped at 1 MB too. */
export const MAX_JWKS_BYTES = 1024 * 1024;

/**
 * A read's outcome. `spare`, for a file of at least `SPARE_BYTES`: the memory it was read into, a
 * buffer of its own that nothing else holds once the text is made (a copy). A caller may give it
 * to the parser for a large document's rows (`LanguageService.parse`): its pages are in memory
 * already, where fresh ones would cost a page fault each.
 */
export type ConfinedRead = { ok: true; text: string; path: string; spare?: ArrayBuffer } | { ok: false; error: string };

/** From this size on a file is read into a buffer of its own (never a slice of Node's shared pool), and offered as `spare`. */
export const SPARE_BYTES = 64 * 1024;

export interface ConfinedReaderOptions {
  /**
   * Folders the file must be inside (compared by real path). Absent: anywhere, for a file the
   * user named themselves (a CLI flag, a user-level setting).
   */
  roots?: readonly string[];
  /** How the roots are named in a refusal ("the workspace folder", "the checked folders"). */
  rootName?: string;
  maxBytes?: number;
  /** The file as read ahead (`readAhead`): used instead of reading when it is the file opened, read whole. */
  ahead?: ReadAheadFile;
}

// Where the platform lacks a flag (Windows), 0 leaves it out.
export const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0);

function sizeName(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The local path of a `file:` URI or a path; undefined for other schemes. */
export function localPath(target: string): string | undefined {
  if (target.startsWith('file:')) {
    try {
      return fileURLToPath(target);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return undefined;
  return path.resolve(target);
}

/** True when `file` is `root` or below it (both real, absolute paths). */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

function errorCode(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

function failure(e: unknown): ConfinedRead {
  const code = errorCode(e);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, error: 'not found' };
  if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: 'not readable (permission denied)' };
  if (code === 'ELOOP') return { ok: false, error: 'a symbolic link loop' };
  return { ok: false, error: code ? `not readable (${code})` : 'not readable' };
}

/**
 * A reader bound to its roots; the roots' real paths are resolved once, on first use (a root
 * that does not exist confines to nothing).
 */
export function createConfinedReader(options: ConfinedReaderOptions = {}): (target: string) => ConfinedRead {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const rootName = options.rootName ?? 'the workspace folder';
  let realRoots: string[] | undefined;
  const roots = (): string[] => {
    realRoots ??= (options.roots ?? []).flatMap(r => {
      try {
        return [fs.realpathSync.native(r)];
      } catch {
        return [];
      }
    });
    return realRoots;
  };
  return target => {
    const file = localPath(target);
    if (file === undefined) return { ok: false, error: 'not a local file' };
    let real: string;
    try {
      real = fs.realpathSync.native(file);
    } catch (e) {
      return failure(e);
    }
    if (options.roots && !roots().some(r => isInside(real, r))) return { ok: false, error: `outside ${rootName}` };
    try {
      const st = fs.statSync(real);
      if (!st.isFile()) return { ok: false, error: 'not a regular file' };
      if (st.size > maxBytes) return { ok: false, error: `larger than ${sizeName(maxBytes)}` };
    } catch (e) {
      return failure(e);
    }
    return readRegularFile(real, maxBytes, options.ahead);
  };
}

/**
 * Reads a file already known to be a regular file inside its root (by `stat`, or by the directory
 * entry of a walk that does not follow links): opened without following a link and without
 * blocking, checked again on the open descriptor, and read to at most one byte past the cap.
 */
export function readRegularFile(file: string, maxBytes = MAX_FILE_BYTES, ahead?: ReadAheadFile): ConfinedRead {
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return failure(e);
  }
  try {
    // the file may have been swapped since it was looked at: check what was opened
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, error: 'not a regular file' };
    if (st.size > maxBytes) return { ok: false, error: `larger than ${sizeName(maxBytes)}` };
    if (ahead && ahead.dev === st.dev && ahead.ino === st.ino && ahead.size === st.size && ahead.mtimeMs === st.mtimeMs && ahead.bytes.length === st.size) {
      return { ok: true, text: ahead.bytes.toString('utf8'), path: file, spare: ahead.bytes.length >= SPARE_BYTES ? (ahead.bytes.buffer as ArrayBuffer) : undefined };
    }
    // a file that grew after the stat is refused, not cut short
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      // The first piece is sized by the stat (plus one byte to see growth): a file is read into
      // one buffer, with no copy (an 8 MB policy in 64 KiB pieces cost 100 ms of copying).
      const size = Math.min(Math.max(chunks.length === 0 ? st.size + 1 : 64 * 1024, 1024), maxBytes + 1 - total);
      const chunk = size >= SPARE_BYTES ? Buffer.allocUnsafeSlow(size) : Buffer.allocUnsafe(size);
      let got = 0;
      while (got < chunk.length) {
        const n = fs.readSync(fd, chunk, got, chunk.length - got, null);
        if (n === 0) break;
        got += n;
      }
      if (got > 0) chunks.push(got === chunk.length ? chunk : chunk.subarray(0, got));
      total += got;
      if (got < chunk.length) break;
    }
    if (total > maxBytes) return { ok: false, error: `larger than ${sizeName(maxBytes)}` };
    if (chunks.length !== 1) return { ok: true, text: Buffer.concat(chunks, total).toString('utf8'), path: file };
    const read = chunks[0];
    return { ok: true, text: read.toString('utf8'), path: file, spare: read.length >= SPARE_BYTES ? (read.buffer as ArrayBuffer) : undefined };
  } catch (e) {
    return failure(e);
  } finally {
    fs.closeSync(fd);
  }
}

/** One confined read (see `createConfinedReader`). */
export function readConfined(target: string, options: ConfinedReaderOptions = {}): ConfinedRead {
  return createConfinedReader(options)(target);
}
