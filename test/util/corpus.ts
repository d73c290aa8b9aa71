/**
 * Where the real policies of ../shared/corpus are, and whether the tests that read them run.
 * A clone without the shared folder beside it skips them and says why; under CI (`CI` set) a
 * missing corpus is no reason to skip: the tests run and fail, so a broken CI layout cannot pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { findPolicyFiles } from '../../server/src/node/policyFiles';
import { parsePolicy } from '../../server/src/languageService/parser/policyParser';
import { expressionSource, type ExpressionSource } from '../../server/src/languageService/expressions/expressionSource';

/** out/test/util → the folder beside the project's root. */
export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

export function corpusSkip(sub = 'policies'): string | false {
  const dir = path.join(CORPUS, sub);
  if (fs.existsSync(dir) || process.env.CI) return false;
  return `../shared/corpus not found at ${CORPUS} (a clone without the shared folder beside it)`;
}

/** Every closed policy expression in the policy files under `dirs`, as the checker reads it, with its file. */
export function* expressionsIn(dirs: string[]): Generator<{ file: string; src: ExpressionSource }> {
  for (const file of findPolicyFiles(dirs).files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const e of parsePolicy(text).expressions) {
      if (e.closed) yield { file, src: expressionSource(text.substring(e.start, e.end), e.host !== 'cdata') };
    }
  }
}
