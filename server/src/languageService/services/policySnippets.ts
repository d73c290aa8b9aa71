/**
 * The snippets of `snippets/apim-policy.code-snippets`, offered by the server's completion only
 * where they fit: whole-document snippets in an empty document (first), policy snippets in the
 * element content of a section (or a policy that holds policies) whose policies are all allowed
 * there; never in a start tag, an attribute value or a body. The host hands the file's data in
 * (`LanguageServiceOptions.snippets`; the server bundles it at build time).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { createRoleResolver, SECTIONS, type Catalog, type Section } from '../catalog';
import { parsePolicy, type PolicyElement } from '../parser/policyParser';

/** One entry of a VS Code snippet file. */
export interface SnippetDefinition {
  prefix: string | readonly string[];
  body: string | readonly string[];
  description?: string;
  isFileTemplate?: boolean;
}

export type SnippetFile = Readonly<Record<string, SnippetDefinition>>;

export interface PolicySnippet {
  name: string;
  prefixes: readonly string[];
  /** The body in snippet syntax, as VS Code inserts it. */
  body: string;
  /** The body as it reads once inserted (first choices, defaults), for the documentation. */
  preview: string;
  description: string;
  /** A whole document (`<policies>` or `<fragment>` root), or policies for a section. */
  kind: 'document' | 'statements';
  /** For statements: the sections where all its policies are allowed. */
  sections: readonly Section[];
}

/**
 * The text a snippet reads as once inserted: placeholders give their default, choices their
 * first option, tab stops and variables nothing (our snippets use none that matter for placing
 * them). A linear scan: the file is ours, but nothing here backtracks anyway.
 */
export function previewSnippet(src: string): string {
  let out = '';
  // how many `${n:…}` / `${VAR:…}` are open: their `}` is syntax, not text
  let open = 0;
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length && '$}\\,|'.includes(src[i + 1])) {
      out += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '$') {
      const rest = src.substring(i + 1, i + 40);
      const plain = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
      if (plain) { i += 1 + plain[0].length; continue; }
      const braced = /^\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}])/.exec(rest);
      if (braced) {
        i += 1 + braced[0].length;
        if (braced[2] === ':') open++;
        else if (braced[2] === '|') {
          // the first option, then skip to the `|}` that ends the choice
          let first = '';
          while (i < src.length && src[i] !== ',' && src[i] !== '|') {
            if (src[i] === '\\' && i + 1 < src.length) { first += src[i + 1]; i += 2; continue; }
            first += src[i++];
          }
          out += first;
          while (i < src.length && !(src[i] === '|' && src[i + 1] === '}')) i += src[i] === '\\' ? 2 : 1;
          i += 2;
        }
        continue;
      }
    }
    if (c === '}' && open > 0) {
      open--;
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** The sections where every policy of `text` is allowed (the policies nested in others included). */
function sectionsOf(text: string, catalog: Catalog): Section[] {
  const doc = parsePolicy(`<fragment>${text}</fragment>`);
  const roleOf = createRoleResolver(catalog);
  const policies: Array<readonly string[]> = [];
  const stack: PolicyElement[] = [...doc.roots];
  while (stack.length) {
    const el = stack.pop()!;
    const role = roleOf(el);
    if (role.kind === 'policy' && role.info.sections.length > 0) policies.push(role.info.sections);
    stack.push(...el.children);
  }
  return SECTIONS.filter(s => policies.every(allowed => allowed.includes(s)));
}

export function compileSnippets(file: SnippetFile, catalog: Catalog): PolicySnippet[] {
  return Object.entries(file).map(([name, s]) => {
    const body = typeof s.body === 'string' ? s.body : s.body.join('\n');
    const preview = previewSnippet(body);
    const document = /^\s*<(policies|fragment)[\s>]/.test(preview);
    return {
      name,
      prefixes: typeof s.prefix === 'string' ? [s.prefix] : [...s.prefix],
      body,
      preview,
      description: s.description ?? '',
      kind: document ? 'document' : 'statements',
      sections: document ? [] : sectionsOf(preview, catalog),
    };
  });
}

function snippetItem(s: PolicySnippet, prefix: string, range: Range, sortText: string): CompletionItem {
  return {
    label: prefix,
    kind: CompletionItemKind.Snippet,
    detail: s.name,
    documentation: { kind: 'markdown', value: `${s.description}\n\n\`\`\`xml\n${s.preview}\n\`\`\`` },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: s.body },
    filterText: prefix,
    sortText,
  };
}

/** The whole-document snippets, sorted ahead of everything else (`00…`); a fragment's first in a fragment file. */
export function documentSnippetItems(snippets: readonly PolicySnippet[], range: Range, fragmentFirst: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  snippets.filter(s => s.kind === 'document').forEach((s, i) => {
    const isFragment = /^\s*<fragment/.test(s.preview);
    const rank = isFragment === fragmentFirst ? 0 : 1;
    for (const prefix of s.prefixes) items.push(snippetItem(s, prefix, range, `00${rank}_${String(i).padStart(3, '0')}`));
  });
  return items;
}

/** The policy snippets allowed in `section` (any section: undefined, as in a fragment). */
export function statementSnippetItems(snippets: readonly PolicySnippet[], section: Section | undefined, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const s of snippets) {
    if (s.kind !== 'statements' || (section !== undefined && !s.sections.includes(section)) || s.sections.length === 0) continue;
    for (const prefix of s.prefixes) items.push(snippetItem(s, prefix, range, `5_${prefix}`));
  }
  return items;
}
