import type { Rule } from './types';

const POLICY_LIMIT = 256 * 1024;
const FRAGMENT_LIMIT = 512 * 1024;

const NOT_ASCII = /[^\x00-\x7f]+/g;

/**
 * UTF-8 bytes of `text`. Buffer is not there in every host (browser), so counted here: one byte a
 * character, plus what the runs of other characters add (found by the regular expression engine,
 * which is fast even before this code is hot).
 */
function utf8Length(text: string): number {
  let n = text.length;
  NOT_ASCII.lastIndex = 0;
  for (let m = NOT_ASCII.exec(text); m; m = NOT_ASCII.exec(text)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) {
      const c = run.charCodeAt(i);
      // a surrogate pair: two characters, four bytes
      if (c >= 0xd800 && c <= 0xdbff) { n += 2; i++; }
      else n += c < 0x800 ? 1 : 2;
    }
  }
  return n;
}

/**
 * What a host says of a document too large to check: `size` is its length in characters (or, for
 * a file not read, in bytes).
 */
export function tooLargeToCheckMessage(size: number): string {
  return `The document is too large to check: ${(size / (1024 * 1024)).toFixed(1)} MB; APIM accepts at most ${POLICY_LIMIT / 1024} KiB for a policy (${FRAGMENT_LIMIT / 1024} KiB for a fragment).`;
}

/** APIM refuses policy documents over 256 KiB (fragments: 512 KiB). */
export const documentSizeRule: Rule = {
  codes: ['document-too-large'],
  checkDocument(ctx) {
    const text = ctx.doc.text;
    if (ctx.doc.skipped) {
      // Not parsed, so not known to be a fragment, and no root to point at: the first character,
      // unless the first line is empty.
      const first = text.charCodeAt(0);
      ctx.report({ start: 0, end: text.length && first !== 10 && first !== 13 ? 1 : 0, severity: 'error', code: 'document-too-large', message: tooLargeToCheckMessage(text.length) });
      return;
    }
    if (text.length <= POLICY_LIMIT / 4) return;
    const fragment = ctx.doc.roots[0]?.name === 'fragment';
    const limit = fragment ? FRAGMENT_LIMIT : POLICY_LIMIT;
    // Each character takes at least one byte: a longer text needs no counting.
    const size = text.length > limit ? text.length : utf8Length(text);
    if (size > limit) {
      const root = ctx.doc.roots[0];
      ctx.report({
        start: root ? root.start + 1 : 0, end: root ? root.nameEnd : Math.min(1, text.length), severity: 'error', code: 'document-too-large',
        message: `The document is ${size === text.length && text.length > limit ? 'over ' : ''}${Math.round(size / 1024)} KiB; APIM accepts at most ${limit / 1024} KiB for a ${fragment ? 'fragment' : 'policy'}.`,
      });
    }
  },
};
