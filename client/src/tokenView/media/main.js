// Token Inspector webview (the sidebar, and the panel in the editor area: body.panel). Builds the
// DOM with textContent only: a claim holding markup renders as text. Keeps no token; the
// extension sends decoded claims and the checks, failures first as cards (viewState.ts).
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const isPanel = document.body.classList.contains('panel');
  /** @type {any} */
  let state = { flows: [], keysNote: '' };
  /** @type {number | undefined} */
  let timer;
  /** @type {number | undefined} */
  let shownDecode;

  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  const flowSelect = /** @type {HTMLSelectElement} */ (document.getElementById('flow'));
  const GUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

  /**
   * @param {string} tag
   * @param {string} [text]
   * @param {string} [cls]
   */
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  /**
   * A value that may wrap anywhere, except inside a GUID: a GUID stays whole (its cell scrolls).
   * @param {string} text
   * @param {string} [tag]
   */
  function value(text, tag) {
    const e = el(tag || 'code', undefined, 'value');
    let at = 0;
    for (const m of text.matchAll(GUID)) {
      const i = m.index || 0;
      if (i > at) e.appendChild(document.createTextNode(text.slice(at, i)));
      e.appendChild(el('span', m[0], 'guid'));
      at = i + m[0].length;
    }
    if (at < text.length) e.appendChild(document.createTextNode(text.slice(at)));
    return e;
  }

  /** @param {number} seconds */
  function duration(seconds) {
    const s = Math.abs(Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const r = s % 60;
    return (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + (h ? '' : r + ' s');
  }

  /** @param {number} epoch */
  function times(epoch) {
    const d = new Date(epoch * 1000);
    // past the range of dates toISOString throws: the view would stay blank
    if (Number.isNaN(d.getTime())) return epoch + ' s since 1970 (not a date)';
    return d.toLocaleString() + '  (UTC ' + d.toISOString().replace('.000Z', 'Z') + ')';
  }

  function countdownText() {
    const exp = state.decoded && state.decoded.expiresAt;
    if (typeof exp !== 'number') return 'no expiry (exp) claim';
    const left = exp - Date.now() / 1000;
    const at = new Date(exp * 1000);
    const utc = Number.isNaN(at.getTime()) ? '' : ' at ' + at.toISOString().slice(11, 16) + ' UTC';
    return (left > 0 ? 'Expires in ' + duration(left) : 'Expired ' + duration(left) + ' ago') + utc;
  }

  const STATUS_MARK = { pass: '✓', fail: '✗', warn: '!', skip: '–' };

  /** @param {any} link */
  function linkButton(link) {
    const b = el('button', 'Open ' + link.label, 'link');
    b.setAttribute('type', 'button');
    b.addEventListener('click', () => vscode.postMessage({ type: 'open', link }));
    return b;
  }

  /** @param {any} card */
  function checkCard(card) {
    const box = el('section', undefined, 'card ' + card.status);
    box.setAttribute('data-check', card.id);
    const head = el('h3');
    head.appendChild(el('span', STATUS_MARK[card.status] + ' ', 'mark'));
    head.appendChild(document.createTextNode(card.title));
    box.appendChild(head);
    if (card.outcome) box.appendChild(el('p', card.outcome, 'outcome'));
    if (card.fix) {
      const fix = el('p', undefined, 'fix');
      fix.appendChild(el('strong', 'What to change: '));
      fix.appendChild(value(card.fix, 'span'));
      box.appendChild(fix);
    }
    if (card.link) box.appendChild(linkButton(card.link));
    const dl = el('dl', undefined, 'values');
    /** @param {string} term @param {string | undefined} text @param {boolean} [code] */
    const row = (term, text, code) => {
      if (text === undefined || text === '') return;
      dl.appendChild(el('dt', term));
      const dd = el('dd');
      dd.appendChild(code ? value(text) : value(text, 'span'));
      dl.appendChild(dd);
    };
    row('Expected', card.expected, true);
    row('The token has', card.actual, true);
    row('Platform error', card.platformError);
    if (dl.childNodes.length) box.appendChild(dl);
    if (card.heuristic) box.appendChild(el('p', 'Rests on unconfirmed facts: a warning, not a verdict.', 'muted'));
    return box;
  }

  /** @param {any[]} claims @param {string} caption */
  function claimsTable(claims, caption) {
    const table = el('table', undefined, 'claims');
    table.appendChild(el('caption', caption));
    for (const c of claims) {
      const tr = el('tr');
      tr.appendChild(el('th', c.name));
      const td = el('td');
      td.appendChild(value(c.value));
      if (c.utc) td.appendChild(el('div', times(Date.parse(c.utc) / 1000), 'muted'));
      td.appendChild(el('div', c.meaning, 'meaning'));
      tr.appendChild(td);
      table.appendChild(tr);
    }
    return table;
  }

  /**
   * @param {string} summary
   * @param {HTMLElement[]} children
   * @param {boolean} open
   * @param {string} [cls]
   */
  function details(summary, children, open, cls) {
    const d = el('details', undefined, cls);
    if (open) d.setAttribute('open', '');
    d.appendChild(el('summary', summary));
    for (const c of children) d.appendChild(c);
    return d;
  }

  /** The decoded header or payload as JSON, colour-coded, with a copy button (panel only). */
  /** @param {'header' | 'payload'} what @param {any} obj */
  function jsonPart(what, obj) {
    const box = el('section', undefined, 'part part-' + what);
    const head = el('div', undefined, 'part-head');
    head.appendChild(el('h3', what === 'header' ? 'Header' : 'Payload'));
    const copy = el('button', 'Copy JSON', 'secondary');
    copy.setAttribute('type', 'button');
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copy', what }));
    head.appendChild(copy);
    box.appendChild(head);
    box.appendChild(el('pre', JSON.stringify(obj, null, 2)));
    return box;
  }

  function render() {
    flowSelect.replaceChildren();
    const none = el('option', '(no flow: token checks only)');
    none.setAttribute('value', '');
    flowSelect.appendChild(none);
    for (const f of state.flows) {
      const o = el('option', f);
      o.setAttribute('value', f);
      if (f === state.selectedFlow) o.setAttribute('selected', '');
      flowSelect.appendChild(o);
    }
    flowSelect.value = state.selectedFlow || '';

    root.replaceChildren();
    if (timer !== undefined) clearInterval(timer);
    if (state.flowsError) root.appendChild(el('div', state.flowsError, 'error'));
    if (state.error) root.appendChild(el('div', state.error, 'error'));
    const d = state.decoded;
    if (!d) {
      if (!state.error) {
        root.appendChild(el('p', 'Select a token in an editor and run "APIM: Decode Bearer Token", or decode the one in the clipboard.', 'muted'));
      }
      return;
    }
    const r = state.results || { cards: [], passed: [], skipped: [] };
    const fails = r.cards.filter((/** @type {any} */ c) => c.status === 'fail').length;

    const verdict = el('div', undefined, 'verdict ' + d.verdict);
    const headline = d.flow
      ? d.flow + ': ' + (d.verdict === 'rejected' ? 'rejected' + (fails ? ' (' + fails + ' failing check' + (fails > 1 ? 's' : '') + ')' : '') : d.verdict)
      : 'No flow chosen: ' + (d.verdict === 'rejected' ? 'rejected by the token\'s own checks' : 'pick a flow to simulate its trigger');
    verdict.appendChild(el('strong', headline));
    if (state.flowGuessed) verdict.appendChild(el('div', 'Flow chosen because its audience and tenant fit the token.', 'muted'));
    if (d.unknownReasons && d.unknownReasons.length && d.verdict === 'unknown') verdict.appendChild(el('div', 'Cannot decide: ' + d.unknownReasons.join('; ')));
    const countdown = el('div', countdownText(), 'countdown');
    verdict.appendChild(countdown);
    root.appendChild(verdict);
    timer = window.setInterval(() => { countdown.textContent = countdownText(); }, 1000);

    // the failing checks right under the verdict: they are the answer; who is calling explains them
    for (const card of r.cards) root.appendChild(checkCard(card));

    if (d.callers && d.callers.length) {
      const who = el('div', undefined, 'callers');
      who.appendChild(el('strong', 'Who is calling: '));
      who.appendChild(value(d.callers.map((/** @type {any} */ c) => c.text).join('; '), 'span'));
      root.appendChild(who);
    }

    if (r.passed.length) {
      const list = el('ul', undefined, 'passed');
      for (const t of r.passed) list.appendChild(el('li', '✓ ' + t));
      root.appendChild(details(r.passed.length + ' check' + (r.passed.length > 1 ? 's' : '') + ' passed', [list], false, 'passed-checks'));
    }
    if (r.skipped.length) {
      const list = el('ul', undefined, 'skipped');
      for (const s of r.skipped) {
        const li = el('li', '– ' + s.title);
        if (s.why) li.appendChild(el('div', s.why, 'muted'));
        list.appendChild(li);
      }
      root.appendChild(details(r.skipped.length + ' not checked', [list], false, 'skipped-checks'));
    }

    const life = [];
    if (typeof d.issuedAt === 'number') life.push(el('div', 'Issued: ' + times(d.issuedAt)));
    if (typeof d.notBefore === 'number') life.push(el('div', 'Not before: ' + times(d.notBefore)));
    if (typeof d.expiresAt === 'number') life.push(el('div', 'Expires: ' + times(d.expiresAt)));
    life.push(el('p', 'Version ' + d.version + '. ' + d.versionNote, 'version'));
    if (state.keysNote) life.push(el('p', state.keysNote, 'muted'));
    root.appendChild(details('Token times and version', life, isPanel, 'times'));

    if (isPanel) {
      const parts = el('div', undefined, 'parts');
      parts.appendChild(jsonPart('header', d.header));
      parts.appendChild(jsonPart('payload', d.payload));
      const sig = el('section', undefined, 'part part-signature');
      sig.appendChild(el('h3', 'Signature'));
      const s = d.checks.find((/** @type {any} */ c) => c.id === 'signature');
      sig.appendChild(el('p', s ? (STATUS_MARK[s.status] || '') + ' ' + (s.detail || s.status) : 'not checked'));
      parts.appendChild(sig);
      root.appendChild(parts);
    }
    root.appendChild(details('Payload claims (' + d.payloadClaims.length + ')', [claimsTable(d.payloadClaims, 'Payload')], isPanel, 'claims-block'));
    root.appendChild(details('Header claims (' + d.headerClaims.length + ')', [claimsTable(d.headerClaims, 'Header')], isPanel, 'claims-block'));

    // a new token starts at the top: the rows on screen must not look like the previous token's
    if (state.decodeCount !== shownDecode) {
      shownDecode = state.decodeCount;
      window.scrollTo(0, 0);
    }
  }

  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m && m.type === 'state') {
      state = m.state;
      render();
    }
  });
  flowSelect.addEventListener('change', () => vscode.postMessage({ type: 'pickFlow', flow: flowSelect.value || undefined }));
  /** @type {HTMLElement} */ (document.getElementById('paste')).addEventListener('click', () => vscode.postMessage({ type: 'decodeClipboard' }));
  /** @type {HTMLElement} */ (document.getElementById('clear')).addEventListener('click', () => vscode.postMessage({ type: 'clear' }));
  const openPanel = document.getElementById('open-panel');
  if (openPanel) openPanel.addEventListener('click', () => vscode.postMessage({ type: 'openPanel' }));
  render();
  vscode.postMessage({ type: 'ready' });
})();
