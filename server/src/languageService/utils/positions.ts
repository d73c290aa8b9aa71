/** Line/character of an offset in a text that is not an open document (0-based, LSP style). */
export function positionIn(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: end - lineStart };
}

/** Positions in one text, its lines found once and only as far as asked. */
export interface LineIndex {
  positionAt(offset: number): { line: number; character: number };
}

/**
 * A line index that reads the text only up to the furthest offset asked for: the position of a
 * problem on the first line of an 8 MB policy costs nothing, and a text is scanned once however
 * many positions are asked. The same positions as TextDocument.positionAt (line breaks `\r\n`,
 * `\r` and `\n`).
 */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  let scanned = 0;
  const scanTo = (offset: number) => {
    let i = scanned;
    for (; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (i + 1 < text.length && text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10) {
        starts.push(i + 1);
      }
    }
    scanned = i;
  };
  return {
    positionAt(offset) {
      const at = Math.max(0, Math.min(offset, text.length));
      // the line holding `at` starts at or before it: scan one further so a break right at `at` counts
      if (at >= scanned) scanTo(Math.min(text.length, at + 1));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      // an offset inside a `\r\n` is before it (as TextDocument.positionAt says)
      let end = at;
      while (end > starts[lo] && (text.charCodeAt(end - 1) === 13 || text.charCodeAt(end - 1) === 10)) end--;
      return { line: lo, character: end - starts[lo] };
    },
  };
}
