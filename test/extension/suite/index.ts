/*
 * Entry point of the extension-host suite: VS Code loads this module (extensionTestsPath) inside
 * the extension host and calls run(). Used the same way by @vscode/test-electron (runElectron.js)
 * and by code-server (test/e2e/run.js, through the workbench's `payload` development options).
 *
 * Environment (set by the launchers; all optional):
 *   APIM_EXT_TEST_RESULTS  file to write the JSON results to ({ stats, tests }); progress goes to
 *                          <file>.progress as one JSON line per event, so a hang can be located.
 *   APIM_EXT_TEST_GREP     only run tests whose full title matches this regular expression.
 *   APIM_EXT_UNDER_TEST    folder of the extension under test (default: the repository root).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  duration?: number;
  error?: string;
}

export function run(): Promise<void> {
  const resultsFile = process.env.APIM_EXT_TEST_RESULTS;
  const progressFile = resultsFile ? `${resultsFile}.progress` : undefined;
  const progress = (event: object): void => {
    if (progressFile) fs.appendFileSync(progressFile, JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n');
  };

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.APIM_EXT_TEST_TIMEOUT || 90_000),
    reporter: 'spec',
    grep: process.env.APIM_EXT_TEST_GREP ? new RegExp(process.env.APIM_EXT_TEST_GREP) : undefined,
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.suite.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const tests: TestResult[] = [];
  const started = Date.now();
  progress({ event: 'start', files, pid: process.pid });

  return new Promise((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const stats = {
          passes: tests.filter((t) => t.state === 'passed').length,
          failures: tests.filter((t) => t.state === 'failed').length,
          pending: tests.filter((t) => t.state === 'pending').length,
          tests: tests.length,
          duration: Date.now() - started,
        };
        progress({ event: 'end', stats });
        if (resultsFile) {
          fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
          fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify({ stats, tests }, null, 2));
          fs.renameSync(`${resultsFile}.tmp`, resultsFile); // the runner never sees half a file
        }
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (err) {
      progress({ event: 'error', error: String((err as Error)?.stack ?? err) });
      reject(err);
      return;
    }
    const record = (test: Mocha.Runnable, state: TestResult['state'], err?: Error): void => {
      const result: TestResult = {
        title: test.title,
        fullTitle: test.fullTitle(),
        file: test.file ? path.basename(test.file) : undefined,
        state,
        duration: test.duration,
        error: err ? String(err.stack || err.message || err) : undefined,
      };
      tests.push(result);
      progress({ event: state, title: result.fullTitle, duration: result.duration, error: result.error });
    };
    runner.on('test', (t) => progress({ event: 'test', title: t.fullTitle() }));
    runner.on('pass', (t) => record(t, 'passed'));
    runner.on('fail', (t, err) => record(t, 'failed', err)); // hooks too ("before all" hook: …)
    runner.on('pending', (t) => record(t, 'pending'));
  });
}
