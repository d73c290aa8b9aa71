/**
 * XML entities as APIM's expression reader takes them (and so every reader here): the five named
 * ones and character references (`&#34;`, `&#x22;`) of at most eight digits, up to U+FFFF.
 */

/** A character reference's `;` is at most this far from its `&`. */
const MAX_REFERENCE = 10;

/**
 * The entity at `i` (where `text[i]` is `&`), packed as `width << 16 | code`: how many characters
 * it takes and the character it stands for. -1 when there is none. Never looks further than the
 * longest entity (a text with many `&#` and no `;` costs no more than one without).
 */
export function entityAt(text: string, i: number): number {
  // by the first letter, not a loop over a table: this runs for every `&quot;` of every expression,
  // much of it before the code is optimised
  switch (text.charCodeAt(i + 1)) {
    case 113 /* q */: return named(text, i, 'quot;', 34);
    case 97 /* a */: return text.charCodeAt(i + 2) === 112 /* p */ ? named(text, i, 'apos;', 39) : named(text, i, 'amp;', 38);
    case 108 /* l */: return named(text, i, 'lt;', 60);
    case 103 /* g */: return named(text, i, 'gt;', 62);
    case 35 /* # */: break;
    default: return -1;
  }
  const last = Math.min(text.length, i + MAX_REFERENCE + 1);
  for (let semi = i + 2; semi < last; semi++) {
    if (text.charCodeAt(semi) !== 59 /* ; */) continue;
    const body = text.substring(i + 2, semi);
    const n = body[0] === 'x' || body[0] === 'X' ? parseInt(body.substring(1), 16) : parseInt(body, 10);
    return Number.isFinite(n) && n >= 0 && n <= 0xffff ? ((semi + 1 - i) << 16) | n : -1;
  }
  return -1;
}

function named(text: string, i: number, name: string, code: number): number {
  return text.startsWith(name, i + 1) ? ((name.length + 1) << 16) | code : -1;
}

/** `value` with every entity `entityAt` reads replaced by its character (an attribute value, element text). */
export function decodeXml(value: string): string {
  let amp = value.indexOf('&');
  if (amp < 0) return value;
  const parts: string[] = [];
  let copied = 0;
  for (; amp >= 0; amp = value.indexOf('&', amp + 1)) {
    const entity = entityAt(value, amp);
    if (entity < 0) continue;
    parts.push(value.substring(copied, amp), String.fromCharCode(entity & 0xffff));
    copied = amp + (entity >>> 16);
    amp = copied - 1;
  }
  parts.push(value.substring(copied));
  return parts.join('');
}
