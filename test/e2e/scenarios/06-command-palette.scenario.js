'use strict';
// "APIM: Show Language Server Output" from the Command Palette shows the server's output channel.
module.exports = {
  name: 'command palette: APIM: Show Language Server Output',
  async run({ wb, page, manifest, assert, screenshot }) {
    const cmd = manifest.contributes.commands.find((c) => c.command === 'apimPolicy.showOutput');
    assert.ok(cmd, 'apimPolicy.showOutput is not contributed');
    await wb.runCommand(`${cmd.category}: ${cmd.title}`);
    // The Output view is shown, with an APIM channel selected in its channel picker.
    await page.locator('.part.panel .composite-bar .action-item.checked', { hasText: /output/i }).waitFor();
    const channel = page.locator('.part.panel select.monaco-select-box:visible');
    await page.waitForFunction(() => [...document.querySelectorAll('.part.panel select.monaco-select-box')]
      .some((s) => s.offsetParent !== null && s.selectedIndex >= 0 && /apim/i.test(s.options[s.selectedIndex].text)), undefined, { timeout: 30_000 });
    const selected = await channel.evaluate((s) => s.options[s.selectedIndex].text);
    await screenshot();
    assert.match(selected, /apim/i);
  },
};
