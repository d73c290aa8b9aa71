/**
 * Documentation of completion items travels on `completionItem/resolve`, not with the list: a
 * list of policies carries about 70 KB of Markdown, which the client has to read (and the server
 * to write, past a 64 KB pipe) before the user sees anything, though it shows the documentation
 * of one item only, the selected one. The last list's documentation is kept here, keyed by the
 * list and the item's place in it, until the next list replaces it.
 */
import type { CompletionItem, CompletionList, MarkupContent } from 'vscode-languageserver/node';

interface ResolveData {
  /** Which list the item came from. */
  apimList: number;
  /** Its place in that list. */
  apimItem: number;
}

function isResolveData(data: unknown): data is ResolveData {
  return typeof data === 'object' && data !== null && typeof (data as ResolveData).apimList === 'number' && typeof (data as ResolveData).apimItem === 'number';
}

export interface DeferredDocumentation {
  /** The items without their documentation, which is kept for `resolve`. */
  defer<T extends CompletionList | CompletionItem[] | null | undefined>(result: T): T;
  /** The item with its documentation back, when it came from the last list; otherwise as it is. */
  resolve(item: CompletionItem): CompletionItem;
}

export function deferCompletionDocumentation(): DeferredDocumentation {
  let list = 0;
  let docs: Array<string | MarkupContent | undefined> = [];
  return {
    defer(result) {
      const items = Array.isArray(result) ? result : result?.items;
      if (!items) return result;
      list++;
      docs = new Array(items.length);
      // new items, not the service's: a list it kept and handed out again keeps its documentation
      const lean = items.map((item, i) => {
        // an item with data of its own is left as it is (it would lose its data)
        if (item.documentation === undefined || item.data !== undefined) return item;
        docs[i] = item.documentation;
        return { ...item, documentation: undefined, data: { apimList: list, apimItem: i } satisfies ResolveData };
      });
      return (Array.isArray(result) ? lean : { ...result, items: lean }) as typeof result;
    },
    resolve(item) {
      const data = item.data;
      if (!isResolveData(data) || data.apimList !== list) return item;
      const documentation = docs[data.apimItem];
      return documentation === undefined ? item : { ...item, documentation };
    },
  };
}
