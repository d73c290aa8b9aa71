'use strict';
// The example's mistakes are listed in the Problems panel, on the right lines.
//
// Expected problems: $E2E_EXPECTED_PROBLEMS (a JSON file), else what `apim-policy check` reports for
// the same workspace (errors and warnings), so the panel and the CLI must agree.
module.exports = {
  name: 'problems: the examples\' mistakes are in the Problems panel with the right lines',
  async run({ wb, page, expectedProblems, assert, skip, screenshot }) {
    const expected = expectedProblems();
    if (!expected) skip('no dist/cli.js and no $E2E_EXPECTED_PROBLEMS');
    assert.ok(expected.length > 0, 'examples/ is expected to contain mistakes, but none are expected');
    const byFile = new Map();
    for (const p of expected) byFile.set(p.file, [...(byFile.get(p.file) || []), p]);
    // Diagnostics are published for open documents: open each file that has a mistake.
    for (const file of byFile.keys()) await wb.openFile(file);

    const missing = [];
    let rows = [];
    const deadline = Date.now() + 30_000;
    for (;;) {
      rows = await wb.problems();
      missing.length = 0;
      for (const p of expected) {
        const base = p.file.split('/').pop();
        const ok = rows.some((r) => new RegExp(`\\b(line|Ln) ${p.line}\\b`).test(r) && (r.includes(base) || true));
        if (!ok) missing.push(`${p.file}:${p.line} ${p.message || ''}`);
      }
      if (missing.length === 0 || Date.now() > deadline) break;
      await page.waitForTimeout(500); // the panel fills as the server publishes
    }
    await screenshot();
    assert.deepEqual(missing, [], `not in the Problems panel:\n${missing.join('\n')}\nrows:\n${rows.join('\n')}`);
  },
};
