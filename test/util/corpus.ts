/**
 * Where the real policies of ../shared/corpus are, and whether the tests that read them run.
 * A clone without the shared folder beside it skips them and says why; under CI (`CI` set) a
 * missing corpus is no reason to skip: the tests run and fail, so a broken CI layout cannot pass.
 */
import * as fs from 'fs';
import * as path from 'path';

/** out/test/util → the folder beside the project's root. */
export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

export function corpusSkip(sub = 'policies'): string | false {
  const dir = path.join(CORPUS, sub);
  if (fs.existsSync(dir) || process.env.CI) return false;
  return `../shared/corpus not found at ${CORPUS} (a clone without the shared folder beside it)`;
}
