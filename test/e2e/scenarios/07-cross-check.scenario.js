'use strict';
// The cross-check in the editor: a policy whose managed-identity token the flow would reject shows
// the error in the Problems panel, with the platform error; the light bulb's quick fix rewrites
// the resource, and the error goes away.
module.exports = {
  name: 'cross-check: a rejected audience is in Problems, and the quick fix corrects the resource',
  async run({ wb, page, read, assert, screenshot }) {
    const file = 'apis/reports/policy.xml';
    const text = read(file);
    const line = text.split('\n').findIndex((l) => l.includes('resource="https://service.flow.microsoft.com"')) + 1;
    assert.ok(line > 0, `${file} must request the Flow audience without its trailing slash`);
    await wb.closeAllEditors();
    await wb.openFile(file);

    const isAudienceError = (m) => m.line === line && /^Error/.test(m.severity) && /MisMatchingOAuthClaims/.test(m.message);
    let seen = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(500)) {
      seen = await wb.problems(file);
      if (seen.some(isAudienceError)) break;
    }
    await screenshot('problems');
    assert.ok(seen.some(isAudienceError), `expected the audience error on line ${line}; seen:\n${seen.map((m) => `${m.line} ${m.severity} ${m.message}`).join('\n')}`);

    // The light bulb on the resource value: Ctrl+. lists the fix.
    const column = text.split('\n')[line - 1].indexOf('https://') + 3;
    await wb.gotoLine(line, column);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Request a token for https://service.flow.microsoft.com/' });
    await fix.first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('quick-fix');
    // choose it with the keyboard, as the widget expects (a pointer block covers it for the mouse)
    for (let i = 0; i < 10 && !/\bfocused\b/.test((await fix.first().getAttribute('class')) || ''); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    // The file now asks for the audience with its trailing slash, and the error is gone.
    const lineText = wb.activeEditor().locator('.view-line', { hasText: 'authentication-managed-identity' });
    await page.waitForFunction(() => [...document.querySelectorAll('.editor-group-container.active .view-line')]
      .some((l) => l.textContent.replace(/\u00a0/g, ' ').includes('resource="https://service.flow.microsoft.com/"')), null, { timeout: 15_000 });
    assert.match((await lineText.first().textContent()).replace(/\u00a0/g, ' '), /resource="https:\/\/service\.flow\.microsoft\.com\/"/);
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await page.waitForTimeout(500)) {
      seen = await wb.problems(file);
      if (!seen.some(isAudienceError)) break;
    }
    await screenshot('fixed');
    assert.ok(!seen.some(isAudienceError), 'the audience error is still listed after the fix');
    await wb.closeAllEditors();
  },
};
