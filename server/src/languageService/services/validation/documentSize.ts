import type { Rule } from './types';

const POLICY_LIMIT = 256 * 1024;
const FRAGMENT_LIMIT = 512 * 1024;

function utf8Length(text: string): number {
  // Buffer is not available in every host (browser); count by hand.
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** APIM refuses policy documents over 256 KiB (fragments: 512 KiB). */
export const documentSizeRule: Rule = {
  codes: ['document-too-large'],
  checkDocument(ctx) {
    const text = ctx.doc.text;
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
