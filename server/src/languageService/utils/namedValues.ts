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
 * A fresh sticky expression: with `lastIndex` set to where a `{{` is, `exec` on the whole text
 * matches a reference there or nothing, without cutting the text into pieces.
 */
export function namedValueAtPattern(): RegExp {
  return new RegExp(SOURCE, 'y');
}

const ANY = new RegExp(SOURCE);

export function hasNamedValue(value: string): boolean {
  return ANY.test(value);
}

/** `value` with each reference replaced by what `replace` returns for its name. */
export function replaceNamedValues(value: string, replace: (name: string, reference: string) => string): string {
  return value.replace(namedValuePattern(), (reference, name: string) => replace(name, reference));
}
