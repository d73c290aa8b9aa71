/**
 * File-system helpers shared by the LSP server and the CLI (Node only; the language service
 * itself never touches the disk).
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { locatePolicy, type PolicyLocation } from '../languageService/workspace/apiopsLayout';
import { isIndexedFileName, isPolicyFileName, SERVICE_MARKERS } from '../languageService/workspace/apiopsPaths';

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

export function toPath(uriOrPath: string): string | undefined {
  if (uriOrPath.startsWith('file:')) {
    try {
      return fileURLToPath(uriOrPath);
    } catch {
      return undefined;
    }
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(uriOrPath) && !/^[a-z]:[\\/]/i.test(uriOrPath)) return undefined;
  return path.resolve(uriOrPath);
}

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
    try {
      st = fs.statSync(input);
    } catch (e) {
      unreadable.push({ file: input, reason: reason(e) });
      continue;
    }
    if (!st.isDirectory()) { add(input); continue; }
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
          } catch (e) {
            unreadable.push({ file: full, reason: reason(e) });
            continue;
          }
        } else if (!ent.isFile()) {
          continue;
        }
        if (isPolicyFileName(ent.name)) { add(full); continue; }
        try {
          const fd = fs.openSync(full, 'r');
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

/**
 * Reads the files the workspace index needs under `folder` (policies, named values, backends,
 * product-API links, flow configs). Bounded: at most `maxFiles` files, big folders skipped.
 */
export function readIndexedFiles(folder: string, maxFiles = 20_000): IndexedFile[] {
  const out: IndexedFile[] = [];
  const stack = [folder];
  let seen = 0;
  while (stack.length && seen < maxFiles) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const ent of entries) {
      if (++seen > maxFiles) break;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name) && !ent.name.startsWith('.')) stack.push(full);
      } else if (ent.isFile() && isIndexedFile(ent.name)) {
        try {
          const st = fs.statSync(full);
          if (st.size > 4 * 1024 * 1024) continue;
          out.push({ path: full, text: fs.readFileSync(full, 'utf8') });
        } catch {
          // unreadable files are reported by whoever checks them
        }
      }
    }
  }
  return out;
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

/** Reads a file named by a file: URI; undefined when it cannot be read. */
export function readUriText(uri: string): string | undefined {
  try {
    if (!uri.startsWith('file:')) return undefined;
    return fs.readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}
