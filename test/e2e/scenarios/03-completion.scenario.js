'use strict';
// Typing `<auth` inside <inbound> suggests authentication-managed-identity; inside <outbound> it does not.

/** A policy with an open <inbound> and an open <outbound> (not self-closing), and their lines. */
function pickPolicy(files, read) {
  for (const f of files(/^apis\/.*policy\.xml$/)) {
    const lines = read(f).split('\n');
    const inbound = lines.findIndex((l) => /<inbound\s*>/.test(l));
    const outbound = lines.findIndex((l) => /<outbound\s*>/.test(l));
    if (inbound >= 0 && outbound >= 0) return { file: f, inbound: inbound + 1, outbound: outbound + 1, lines };
  }
  return undefined;
}

module.exports = {
  name: 'completion: <auth in <inbound> offers authentication-managed-identity, not in <outbound>',
  async run({ wb, page, files, read, assert, screenshot }) {
    const target = pickPolicy(files, read);
    assert.ok(target, 'needs an apis/**/policy.xml with <inbound> and <outbound> elements');
    await wb.openFile(target.file);

    // Inside <inbound>: end of the <inbound> line, new line, type.
    await wb.gotoLineEnd(target.inbound);
    await page.keyboard.press('Enter');
    await page.keyboard.type('<auth', { delay: 40 });
    let labels = await wb.triggerSuggest();
    await screenshot('inbound');
    assert.ok(labels.includes('authentication-managed-identity'), `suggested in <inbound>: ${labels.join(', ')}`);
    await wb.pressEscape();

    // Inside <outbound> (one line lower now, because of the line added above).
    const outLine = target.outbound + 1;
    await wb.gotoLineEnd(outLine);
    await page.keyboard.press('Enter');
    await page.keyboard.type('<auth', { delay: 40 });
    labels = await wb.triggerSuggest();
    await screenshot('outbound');
    assert.ok(!labels.includes('authentication-managed-identity'), `suggested in <outbound>: ${labels.join(', ')}`);
    await wb.pressEscape();
    await wb.revertActive();
  },
};
