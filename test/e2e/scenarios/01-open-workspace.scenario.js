'use strict';
// The examples workspace opens: the explorer shows the APIOps tree.
module.exports = {
  name: 'open the examples workspace',
  async run({ page, assert, screenshot }) {
    const rows = await page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts();
    assert.ok(rows.some((r) => /apis/.test(r)), `explorer rows: ${rows.join(' | ')}`);
    await screenshot();
  },
};
