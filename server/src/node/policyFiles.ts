/**
 * File-system helpers shared by the LSP server and the CLI (Node only; the language service
 * itself never touches the disk).
 */
import * as fs from 'fs';
import * as path from 'path';
import { locatePolicy, type PolicyLocation } from '../languageService/workspace/apiopsLayout';
import { isIndexedFileName, isPolicyFileName, SERVICE_MARKERS } from '../languageService/workspace/apiopsPaths';
import type { FileRead } from '../languageService/workspace/fileRead';
import { createConfinedReader, isInside, localPath, readRegularFile, type ConfinedRead } from './confinedFiles';
import { mayBeIacFile } from './iacFiles';

/** A folder is an APIOps service folder when it holds one of the artifact folders. */
export function createLocator(): (uriOrPath: string) => PolicyLocation | undefined {
  const rootCache = new Map<string, boolean>();
  const isServiceRoot = (folder: string): boolean => {
    let hit = rootCache.get(folder);
    if (hit === undefined) {
      hit = SERVICE_MARKERS.some(m => {
        try {
          return fs.statSync(path.join(folder, m)).isDirectory();
        } catch {
          return false;
        }
      });
      rootCache.set(folder, hit);
    }
    return hit;
  };
  return (uriOrPath: string) => {
    const p = toPath(uriOrPath);
    if (p === undefined) return locatePolicy(uriOrPath);
    return locatePolicy(p, () => isServiceRoot(path.dirname(p)));
  };
}

/** A `file:` URI or a path as a local path (one reading of them, the confined reader's). */
export const toPath = localPath;

/** The first element name of an XML text (after BOM, declaration, comments). */
export function rootElementName(text: string): string | undefined {
  const m = /^\uFEFF?\s*(?:<\?[\s\S]*?\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.:-]*)/.exec(text.substring(0, 64 * 1024));
  return m?.[1];
}

const POLICY_ROOTS = new Set(['policies', 'fragment']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

export interface WalkResult {
  files: string[];
  /** Files or folders that could not be read: path and reason. */
  unreadable: Array<{ file: string; reason: string }>;
}

/**
 * Policy files under the given paths. A file named explicitly is always taken; in a folder,
 * `policy.xml` and `*.policy.xml` files are taken, and other `.xml` files whose root element is
 * `<policies>` or `<fragment>`.
 */
export function findPolicyFiles(paths: string[]): WalkResult {
  const files: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) { seen.add(f); files.push(f); }
  };
  for (const input of paths) {
    let st: fs.Stats;
    let realInput: string;
    try {
      st = fs.statSync(input);
      realInput = fs.realpathSync(input);
    } catch (e) {
      unreadable.push({ file: input, reason: reason(e) });
      continue;
    }
    if (st.isFile()) { add(input); continue; }
    // a FIFO, a device or a socket would block or never end: named, but never opened
    if (!st.isDirectory()) { unreadable.push({ file: input, reason: 'not a regular file or folder' }); continue; }
    const stack = [input];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        unreadable.push({ file: dir, reason: reason(e) });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const ent of entries) {
        const full = path.join(dir, ent.name);
        if (ent.isDirectory()) {
          if (!SKIP_DIRS.has(ent.name)) subdirs.push(full);
          continue;
        }
        if (!ent.name.toLowerCase().endsWith('.xml')) continue;
        if (ent.isSymbolicLink()) {
          // a link to a file counts as that file; a dangling one is reported
          try {
            if (!fs.statSync(full).isFile()) continue;
            // a folder's files are its own: a link out of it is not followed
            if (!isInside(fs.realpathSync(full), realInput)) {
              unreadable.push({ file: full, reason: 'a link to a file outside the checked folder' });
              continue;
            }
          } catch (e) {
            unreadable.push({ file: full, reason: reason(e) });
            continue;
          }
        } else if (!ent.isFile()) {
          continue;
        }
        if (isPolicyFileName(ent.name)) { add(full); continue; }
        try {
          const fd = fs.openSync(full, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
          const buf = Buffer.alloc(16 * 1024);
          const n = fs.readSync(fd, buf, 0, buf.length, 0);
          fs.closeSync(fd);
          const root = rootElementName(buf.subarray(0, n).toString('utf8'));
          if (root && POLICY_ROOTS.has(root)) add(full);
        } catch (e) {
          unreadable.push({ file: full, reason: reason(e) });
        }
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  }
  return { files, unreadable };
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message}` : String(err?.message ?? e);
}

/** File names the workspace index cares about. */
export const isIndexedFile = isIndexedFileName;

export interface IndexedFile {
  path: string;
  text: string;
}

/** How many files the workspace index reads, at most, per folder. */
export const MAX_INDEXED_FILES = 20_000;

/** Folder entries the walk looks at, at most: a bound on the walk itself, past the file cap. */
const MAX_WALKED_ENTRIES = 1_000_000;

export interface IndexedFiles {
  files: IndexedFile[];
  /** Files the index wanted but did not read, and why (too large, not a regular file, …). */
  skipped: Array<{ path: string; reason: string }>;
  /** Set when the walk stopped at the cap: the cap, and how many more files it left out. */
  capped?: { maxFiles: number; leftOut: number; exact: boolean };
  /**
   * With `xml`: the other `.xml` files the walk saw (not read): one may be a policy by its root
   * element, as `findPolicyFiles` takes it.
   */
  xml?: string[];
}

/**
 * Reads the files the workspace index needs under `folder` (policies, named values, backends,
 * product-API links, flow configs), and with `iac` the Bicep, Terraform and JSON files that may be
 * templates whose resources load policy files. Bounded: at most `maxFiles` files are read (counted in files,
 * not folders), each through the confined reader (inside `folder`, regular, size-capped); past
 * the cap the walk only counts what it leaves out, so the caller can say so.
 */
/**
 * Texts kept between walks of the same folder, by path, with the file's identity when it was read
 * (inode, size, change and modification times in nanoseconds): a file whose stat still matches is not
 * read again. `readIndexedFiles` drops the entries of files it no longer finds.
 */
export type IndexedFileCache = Map<string, { stamp: string; text: string }>;

function statStamp(file: string): string | undefined {
  try {
    const st = fs.statSync(file, { bigint: true });
    return st.isFile() ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

export function readIndexedFiles(folder: string, maxFiles = MAX_INDEXED_FILES, options: { iac?: boolean; xml?: boolean; cache?: IndexedFileCache } = {}): IndexedFiles {
  const read = createConfinedReader({ roots: [folder] });
  const { cache } = options;
  const seen = cache ? new Set<string>() : undefined;
  /** A regular file's text: the cached one while its stat is unchanged (the stat comes first, so a change after it is seen next time). */
  const readFile = (full: string) => {
    if (!cache) return readRegularFile(full);
    seen!.add(full);
    const stamp = statStamp(full);
    const hit = cache.get(full);
    if (stamp !== undefined && hit?.stamp === stamp) return { ok: true as const, text: hit.text };
    const r = readRegularFile(full);
    if (r.ok && stamp !== undefined) cache.set(full, { stamp, text: r.text });
    else cache.delete(full);
    return r;
  };
  const files: IndexedFile[] = [];
  const skipped: IndexedFiles['skipped'] = [];
  const xml: string[] = [];
  let leftOut = 0;
  let walked = 0;
  const stack = [folder];
  while (stack.length && walked < MAX_WALKED_ENTRIES) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const ent of entries) {
      if (++walked > MAX_WALKED_ENTRIES) break;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name) && !ent.name.startsWith('.')) stack.push(full);
      } else if (isIndexedFile(ent.name) || (options.iac && mayBeIacFile(ent.name))) {
        if (files.length >= maxFiles) {
          leftOut++;
          continue;
        }
        // the walk follows no link, so a regular file's entry is inside the folder already; a link
        // goes through the confined reader, which refuses one that leads out
        const r = ent.isFile() ? readFile(full) : ent.isSymbolicLink() ? read(full) : { ok: false as const, error: 'not a regular file' };
        if (r.ok) files.push({ path: full, text: r.text });
        // any JSON file may be a template: one too large to read is data, not worth a warning
        else if (isIndexedFile(ent.name) || !/\.json$/i.test(ent.name)) skipped.push({ path: full, reason: r.error });
      } else if (options.xml && /\.xml$/i.test(ent.name) && xml.length < maxFiles) {
        xml.push(full);
      }
    }
  }
  const exact = walked <= MAX_WALKED_ENTRIES && stack.length === 0;
  if (cache) for (const p of cache.keys()) if (!seen!.has(p)) cache.delete(p);
  const found: IndexedFiles = options.xml ? { files, skipped, xml } : { files, skipped };
  return leftOut > 0 || !exact ? { ...found, capped: { maxFiles, leftOut, exact } } : found;
}

/** The warning when the index stopped at its cap. */
export function indexCapWarning(folder: string, capped: NonNullable<IndexedFiles['capped']>): string {
  const more = `${capped.leftOut} more file${capped.leftOut === 1 ? '' : 's'}`;
  if (!capped.exact) {
    return `The workspace index stopped walking ${folder} after ${MAX_WALKED_ENTRIES} folder entries; at least ${more} were left out, so names and flows they define are not known.`;
  }
  return `The workspace index stops at ${capped.maxFiles} files: ${more} under ${folder} ${capped.leftOut === 1 ? 'was' : 'were'} left out, so names and flows they define are not known.`;
}

/** The nearest folder at or above `start` that looks like an APIOps service folder, if any. */
export function findServiceRoot(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 12; i++) {
    if (SERVICE_MARKERS.some(m => {
      try {
        return fs.statSync(path.join(dir, m)).isDirectory();
      } catch {
        return false;
      }
    })) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * Reads a file the index follows, named by a file: URI, confined to the roots (the workspace
 * folders); undefined when it does not exist, a refusal when it may not be read.
 */
export function createUriReader(roots: readonly string[], rootName?: string): (uri: string) => FileRead {
  const read = createConfinedReader({ roots, rootName });
  return uri => {
    if (!uri.startsWith('file:')) return { error: 'not a local file' };
    return fileRead(read(uri));
  };
}

/** A confined read in the service's terms: the text, a refusal, or undefined when not found. */
export function fileRead(r: ConfinedRead): FileRead {
  if (r.ok) return r.text;
  return r.error === 'not found' ? undefined : { error: r.error };
}
