'use strict';
// The example's mistakes are listed in the Problems panel, on the right lines.
//
// Expected problems: $E2E_EXPECTED_PROBLEMS (a JSON file [{file, line, severity?}]), else what
// `apim-policy check --format json` reports for the same workspace (errors and warnings): the
// Problems panel and the CLI must agree.
module.exports = {
  name: 'problems: the examples\' mistakes are in the Problems panel on the right lines',
  async run({ wb, page, expectedProblems, assert, skip, screenshot }) {
    const expected = expectedProblems();
    if (!expected) skip('no dist/cli.js and no $E2E_EXPECTED_PROBLEMS');
    assert.ok(expected.length > 0, 'examples/ is expected to contain mistakes, but none were found');
    // Diagnostics are published for open documents: open each file that has a mistake.
    for (const file of new Set(expected.map((p) => p.file))) await wb.openFile(file);

    const missing = [];
    let seen = [];
    const deadline = Date.now() + 30_000;
    for (;;) {
      seen = await wb.problems();
      missing.length = 0;
      for (const p of expected) {
        const ok = seen.some((m) => m.line === p.line && (!m.file || m.file.endsWith(p.file))
          && (!p.severity || m.severity.toLowerCase().startsWith(p.severity.toLowerCase().slice(0, 4))));
        if (!ok) missing.push(`${p.file}:${p.line} ${p.severity || ''} ${p.message || ''}`);
      }
      if (missing.length === 0 || Date.now() > deadline) break;
      await page.waitForTimeout(500); // polling: the panel fills as the server publishes
    }
    await screenshot();
    assert.deepEqual(missing, [], `not in the Problems panel:\n${missing.join('\n')}\nseen:\n${seen.map((m) => `${m.file}:${m.line} ${m.severity} ${m.message}`).join('\n')}`);
  },
};
