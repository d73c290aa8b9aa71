/**
 * Infrastructure-as-code files (Bicep, Terraform, ARM JSON templates) under the paths the CLI
 * checks, with their text. Node only: the readers themselves are pure (languageService/workspace/iac).
 */
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { iacHostKind } from '../languageService/workspace/iac';
import { MAX_FILE_BYTES, readRegularFile } from './confinedFiles';

const SKIP_DIRS = new Set(['node_modules', '.git', '.terraform', '.vscode-test', 'dist', 'out']);
/** Larger JSON files are data, not templates anyone writes policies in. */
const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

export interface IacFile {
  file: string;
  uri: string;
  text: string;
}

/** True when the name alone may make a file an IaC host (a `.json` is one only if it is a template). */
export function mayBeIacFile(file: string): boolean {
  return /\.(bicep|tf|json)$/i.test(file);
}

/** Regular files only, size checked before a bounded read: a FIFO or /dev/zero named here is skipped. */
function read(file: string): IacFile | undefined {
  const r = readRegularFile(file, /\.json$/i.test(file) ? MAX_TEMPLATE_BYTES : MAX_FILE_BYTES);
  if (!r.ok) return undefined;
  const uri = URI.file(path.resolve(file)).toString();
  return iacHostKind(uri, r.text) ? { file, uri, text: r.text } : undefined;
}

/** IaC files named, or found in the folders named (walked in name order; unreadable ones skipped). */
export function findIacFiles(paths: string[]): IacFile[] {
  const out: IacFile[] = [];
  const seen = new Set<string>();
  const take = (file: string) => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    const f = read(file);
    if (f) out.push(f);
  };
  for (const input of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch {
      continue;
    }
    if (!st.isDirectory()) {
      if (mayBeIacFile(input)) take(input);
      continue;
    }
    const stack = [input];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch {
        continue;
      }
      const subdirs: string[] = [];
      for (const ent of entries) {
        const full = path.join(dir, ent.name);
        if (ent.isDirectory()) {
          if (!SKIP_DIRS.has(ent.name)) subdirs.push(full);
        } else if (mayBeIacFile(ent.name)) {
          take(full);
        }
      }
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
    }
  }
  return out;
}
