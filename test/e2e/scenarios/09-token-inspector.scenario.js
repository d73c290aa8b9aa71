'use strict';
// The token inspector as a person uses it: run "APIM: Decode Bearer Token", paste a token in the
// (masked) input box, read the sidebar, pick a flow and see the failing check with the platform
// error. A claim holding markup shows as text and runs nothing.
const TENANT = 'd7f3c2a1-4b5e-4c8d-9e0f-1a2b3c4d5e6f';
const enc = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function testToken() {
  const now = Math.floor(Date.now() / 1000);
  // APIM's system identity (principal 0a1b…, client 9f8e…) as examples/apim-flows.json describes it; unsigned
  return `${enc({ alg: 'RS256', typ: 'JWT', kid: 'k' })}.${enc({
    aud: 'https://service.flow.microsoft.com/', iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT,
    oid: '0a1b2c3d-1111-4e5f-8a9b-0c1d2e3f4a5b', appid: '9f8e7d6c-2222-4b4a-8c9d-8e7f6a5b4c3d', idtyp: 'app', ver: '1.0',
    iat: now - 60, nbf: now - 60, exp: now + 3600, name: '<img src=x onerror=alert(1)>',
  })}.c2ln`;
}

/**
 * "Preferences: Color Theme" opens a second quick pick (the themes) in the same widget. Its row is
 * matched exactly: "Preferences: Browse Color Themes in Marketplace" contains "Color Theme" too.
 */
async function pickTheme(wb, page, theme) {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await widget.locator('input.input').fill('>Preferences: Color Theme');
  await wb.chooseRow(widget, widget.locator('.monaco-list-row', { hasText: /Preferences: Color Theme(?!s)/ }).first());
  // the theme list replaces the command list: wait for it before typing
  await widget.locator('.monaco-list-row', { hasText: /Modern/ }).first().waitFor({ timeout: 15_000 });
  await widget.locator('input.input').fill(theme);
  await wb.chooseRow(widget, widget.locator('.monaco-list-row', { hasText: theme }).first());
  await widget.waitFor({ state: 'hidden', timeout: 15_000 });
}

module.exports = {
  name: 'token inspector: decode from the command, read the sidebar, pick a flow, see the failing check',
  async run({ wb, page, assert, screenshot }) {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await wb.closeAllEditors();

    // The command: no selection, nothing usable in the clipboard → a masked input box.
    await page.keyboard.press('F1');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('input.input').fill('>APIM: Decode Bearer Token');
    await wb.chooseRow(widget, widget.locator('.monaco-list-row', { hasText: 'Decode Bearer Token' }).first());
    await widget.locator('.quick-input-title', { hasText: 'Decode Bearer Token' }).waitFor({ timeout: 15_000 });
    const input = widget.locator('input.input');
    assert.equal(await input.getAttribute('type'), 'password', 'the token input is masked');
    await input.fill(`Bearer ${testToken()}`);
    await page.keyboard.press('Enter');

    // The sidebar webview (an iframe in an iframe), at the window size of the issue (1600×1000).
    await page.setViewportSize({ width: 1600, height: 1000 });
    // the sidebar's webview is the first; the panel's, opened later, the last
    const view = page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
    await view.locator('.verdict').waitFor({ timeout: 30_000 });
    assert.match(await view.locator('.countdown').textContent(), /Expires in \d/);
    // claims are folded in the sidebar: one click shows them
    await view.locator('summary', { hasText: 'Payload claims' }).click();
    await view.locator('td', { hasText: 'principalId' }).first().waitFor({ timeout: 10_000 });
    await screenshot('decoded');
    await view.locator('summary', { hasText: 'Payload claims' }).click();

    // Pick the flow whose export lists the identity's client ID instead of its principal ID.
    await view.locator('select#flow').selectOption('order-approval');
    const caller = view.locator('section.card[data-check="caller"]');
    await caller.waitFor({ timeout: 30_000 });
    const text = await caller.textContent();
    assert.match(text, /✗/);
    assert.match(text, /Caller is allowed/);
    assert.match(text, /What to change: Replace the client ID/);
    assert.match(text, /MisMatchingOAuthClaims/);
    assert.match(await view.locator('.verdict').textContent(), /order-approval: rejected/);
    // the failing check, its fix and its link are on screen without scrolling
    const link = caller.locator('button.link');
    const box = await link.boundingBox();
    assert.ok(box && box.y + box.height <= 1000, `the link is visible without scrolling (bottom at ${box && box.y + box.height})`);
    await screenshot('rejected-dark');
    await pickTheme(wb, page, 'Light Modern');
    await caller.waitFor({ timeout: 10_000 });
    await screenshot('rejected-light');

    // The link opens the place to change (the trigger in the flow's definition).
    await link.click();
    await page.locator('.tabs-container .tab.active', { hasText: /definition\.json|apim-flows\.json/ }).waitFor({ timeout: 15_000 });

    // Open in Editor: the same answer with room for the raw JSON and the claims.
    await view.locator('#open-panel').click();
    const panel = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    const panelCard = panel.locator('section.card[data-check="caller"]');
    await panelCard.waitFor({ timeout: 15_000 });
    assert.match(await panelCard.textContent(), /What to change/);
    await panel.locator('.part-payload pre').waitFor({ timeout: 10_000 });
    await screenshot('panel-light');
    await pickTheme(wb, page, 'Dark Modern');
    await panelCard.waitFor({ timeout: 10_000 });
    await screenshot('panel-dark');
    await page.setViewportSize({ width: 1400, height: 900 });

    // The markup claim is text; nothing ran.
    const nameRow = panel.locator('table.claims tr', { hasText: 'onerror' });
    assert.match(await nameRow.first().textContent(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await view.locator('img').count(), 0, 'no <img> element was created from the claim');
    assert.equal(await panel.locator('img').count(), 0, 'nor in the panel');
    await wb.closeAllEditors();
    assert.deepEqual(dialogs, [], 'no script ran');
  },
};
