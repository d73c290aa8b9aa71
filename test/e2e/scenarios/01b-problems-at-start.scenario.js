'use strict';
// Before any file is opened, the Problems panel lists the examples' mistakes: the server checks
// every policy of the workspace (and the Bicep, Terraform and ARM files and the policies they
// load) in the background at start. The expected list is the CLI's, as in 05-problems.
module.exports = {
  name: 'problems at start: every planted mistake is in the Problems panel before any file is opened',
  async run({ wb, page, expectedProblems, assert, skip, screenshot }) {
    const expected = expectedProblems();
    if (!expected) skip('no dist/cli.js and no $E2E_EXPECTED_PROBLEMS');
    assert.ok(expected.length > 0, 'examples/ is expected to contain mistakes, but none were found');
    assert.equal(await page.locator('.editor-group-container .monaco-editor').count(), 0, 'no file may be open for this scenario');
    const byFile = new Map();
    for (const p of expected) byFile.set(p.file, [...(byFile.get(p.file) || []), p]);
    const missing = [];
    // the first file waits for the server's start and its first pass
    let deadline = Date.now() + 60_000;
    for (const [file, want] of byFile) {
      let seen = [];
      let lacking = [];
      for (;;) {
        seen = await wb.problems(file);
        lacking = want.filter((p) => !seen.some((m) => m.line === p.line
          && (!p.severity || m.severity.toLowerCase().startsWith(p.severity.toLowerCase().slice(0, 4)))));
        if (lacking.length === 0 || Date.now() > deadline) break;
        await page.waitForTimeout(500); // polling: the panel fills as the server publishes
      }
      for (const p of lacking) missing.push(`${p.file}:${p.line} ${p.severity || ''} ${p.message || ''}\n  seen: ${seen.map((m) => `${m.line} ${m.severity} ${m.message}`).join(' | ')}`);
      deadline = Date.now() + 10_000;
    }
    await wb.problems();
    await screenshot();
    assert.equal(await page.locator('.editor-group-container .monaco-editor').count(), 0, 'a file was opened meanwhile');
    assert.deepEqual(missing, [], `not in the Problems panel before any file was opened:\n${missing.join('\n')}`);
  },
};
