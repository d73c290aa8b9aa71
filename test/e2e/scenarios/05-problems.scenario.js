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
    // Opening a file republishes its problems from the editor's copy. One file at a time (the
    // panel filtered to it) keeps each list within a screenful (the panel's list is virtual:
    // only rendered rows can be read). 01b checks the same list before any file is opened.
    const byFile = new Map();
    for (const p of expected) byFile.set(p.file, [...(byFile.get(p.file) || []), p]);
    const missing = [];
    for (const [file, want] of byFile) {
      await wb.closeAllEditors();
      await wb.openFile(file);
      let seen = [];
      let lacking = [];
      const deadline = Date.now() + 30_000;
      for (;;) {
        seen = await wb.problems(file);
        lacking = want.filter((p) => !seen.some((m) => m.line === p.line
          && (!p.severity || m.severity.toLowerCase().startsWith(p.severity.toLowerCase().slice(0, 4)))));
        if (lacking.length === 0 || Date.now() > deadline) break;
        await page.waitForTimeout(500); // polling: the panel fills as the server publishes
      }
      if (file === expected[0].file) await screenshot();
      for (const p of lacking) missing.push(`${p.file}:${p.line} ${p.severity || ''} ${p.message || ''}\n  seen: ${seen.map((m) => `${m.line} ${m.severity} ${m.message}`).join(' | ')}`);
    }
    assert.deepEqual(missing, [], `not in the Problems panel:\n${missing.join('\n')}`);
  },
};
