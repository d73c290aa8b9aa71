/**
 * Loading the C# parser of policy expressions (web-tree-sitter's WebAssembly) in a Node host: the
 * server and the CLI.
 *
 * With `--liftoff-only`: V8 would otherwise recompile the grammar's hot code with TurboFan in the
 * background for some hundred milliseconds after the load, and until then the first ~500 parses
 * cost 0.4-0.7 ms each instead of 0.1 (issue 18): Liftoff's code is ready at once and about 1.5
 * times slower than TurboFan's, which the per-expression cache makes up for. The flag must be set
 * before the module is compiled, which is why the parser is loaded only through here.
 */
import { loadCSharpParser, type CSharpParser } from '../languageService/languageService';

/**
 * Loads the parser, once Liftoff-only and once more without if that fails; resolves undefined
 * (after telling `onError`) when it does not load at all.
 */
export function loadExpressionParser(onError: (e: unknown) => void): Promise<CSharpParser | undefined> {
  // Node's v8 module is loaded here, not at start: a check without expressions never needs it
  // (about 3.5 ms and 50 page faults of every CLI start)
  return import('v8')
    .then(v8 => {
      v8.setFlagsFromString('--liftoff-only');
      return loadCSharpParser().catch(() => {
        v8.setFlagsFromString('--no-liftoff-only');
        return loadCSharpParser();
      });
    })
    .catch(e => {
      onError(e);
      return undefined;
    });
}

/** Whether a text may hold a policy expression (`@(` or `@{`): only then is the parser worth loading. */
export function mayHoldExpression(text: string): boolean {
  return text.includes('@(') || text.includes('@{');
}
