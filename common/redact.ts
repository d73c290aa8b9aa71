/**
 * Redaction for every log and trace line of the client and the server. The token inspector's
 * request carries the token in one known field (`SECRET_FIELDS`), so that field's value is dropped
 * whatever it holds: a token split across lines, with a header that does not start with `eyJ`, or
 * plain garbage. Text shaped like a JWT is redacted as well, as a second layer for a token that
 * reaches a line some other way (an error message quoting it).
 *
 * The language client writes params as JSON: `JSON.stringify(params)`, or with 4-space
 * indentation for a verbose trace, or the whole message stringified for the JSON trace format. A
 * field is then `"token": "…"`; inside a string that was stringified again its quotes are escaped
 * (`\"token\": \"…\"`), so the value is found at any escaping depth.
 */
import { redactTokens } from '../server/src/languageService/auth/token';
import { SECRET_FIELDS } from './protocol';

export const REDACTED = '[token redacted]';

const BACKSLASH = 0x5c;
const QUOTE = 0x22;

/** The number of backslashes right before `at`. */
function backslashesBefore(text: string, at: number): number {
  let n = 0;
  while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === BACKSLASH) n++;
  return n;
}

/** After `escapes` backslashes and a quote at `at`, the offset past them; else -1. */
function escapedQuoteAt(text: string, at: number, escapes: number): number {
  for (let i = 0; i < escapes; i++, at++) if (text.charCodeAt(at) !== BACKSLASH) return -1;
  return text.charCodeAt(at) === QUOTE ? at + 1 : -1;
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

/**
 * Where the string value of a `"field":` key found at `keyStart` (its opening quote) begins and
 * ends, or undefined when the key is not followed by a string. `escapes` is the run of
 * backslashes in front of each quote at this depth: 0 in plain JSON, 1 one stringification deeper,
 * 3 the next. A value left open (a cut line) runs to the end of its line.
 */
function stringValueAfterKey(text: string, keyStart: number, field: string): { start: number; end: number; escapes: number } | undefined {
  const escapes = backslashesBefore(text, keyStart);
  let at = escapedQuoteAt(text, keyStart + 1 + field.length, escapes);
  if (at < 0) return undefined;
  at = skipSpaces(text, at);
  if (text[at] !== ':') return undefined;
  at = escapedQuoteAt(text, skipSpaces(text, at + 1), escapes);
  if (at < 0) return undefined;
  const start = at;
  // A quote closes the value when the backslashes before it are this depth's own escapes plus
  // escaped backslashes (a multiple of 2 * (escapes + 1)); any other run escapes a quote inside.
  const period = 2 * (escapes + 1);
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return { start, end: i, escapes };
    if (c !== QUOTE) continue;
    const run = backslashesBefore(text, i);
    if (run >= escapes && (run - escapes) % period === 0) return { start, end: i - escapes, escapes };
  }
  return { start, end: text.length, escapes };
}

/** Drops the value of every secret field, then anything shaped like a JWT. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const field of SECRET_FIELDS) {
    let from = 0;
    for (;;) {
      const found = out.indexOf(`"${field}`, from);
      if (found < 0) break;
      const value = stringValueAfterKey(out, found, field);
      if (!value) {
        from = found + 1;
        continue;
      }
      out = out.slice(0, value.start) + REDACTED + out.slice(value.end);
      from = value.start + REDACTED.length;
    }
  }
  return redactTokens(out);
}
