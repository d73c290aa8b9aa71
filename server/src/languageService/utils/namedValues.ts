/**
 * The one grammar of a named-value reference: `{{name}}`, where a name is letters, digits, `.`,
 * `_` and `-` (what APIM allows in a named value's name and display name). The parser finds them,
 * the attribute checks accept them in place of a literal, the expression parser masks them and
 * the flow links resolve them: all through here.
 */

const SOURCE = '\\{\\{([A-Za-z0-9._-]+)\\}\\}';

/** A fresh global regular expression (group 1: the name); fresh because `lastIndex` is state. */
export function namedValuePattern(): RegExp {
  return new RegExp(SOURCE, 'g');
}

/**
 * Where the reference that starts at `at` (a `{{`) ends, after its `}}`; -1 when none starts
 * there. The grammar above, by hand: the parser asks at every `{{` of a document, and a match
 * array for each of a large policy's 10,000s of references was most of what its search allocated.
 */
export function namedValueEndAt(text: string, at: number): number {
  let i = at + 2;
  for (;;) {
    const c = text.charCodeAt(i);
    // A-Z a-z 0-9 . _ -
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45) i++;
    else break;
  }
  return i > at + 2 && text.charCodeAt(i) === 125 && text.charCodeAt(i + 1) === 125 ? i + 2 : -1;
}

const ANY = new RegExp(SOURCE);

export function hasNamedValue(value: string): boolean {
  return ANY.test(value);
}

/** `value` with each reference replaced by what `replace` returns for its name. */
export function replaceNamedValues(value: string, replace: (name: string, reference: string) => string): string {
  return value.replace(namedValuePattern(), (reference, name: string) => replace(name, reference));
}
