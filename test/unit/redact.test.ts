/**
 * The trace and log channels drop the token field's value whatever it holds. The trace text is
 * produced here by vscode-jsonrpc itself (the library the language client traces with), in each of
 * its formats, so the test sees exactly what the client's output channel would be given.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PassThrough } from 'stream';
import { createMessageConnection, Trace, TraceFormat, type Tracer } from 'vscode-jsonrpc/node';
import { DecodeTokenRequest, type DecodeTokenParams } from '../../common/protocol';
import { REDACTED, redactSecrets } from '../../common/redact';

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** A token split across lines (as copied from a wrapped terminal). */
const SPLIT = `${b64('{"alg":"RS256","typ":"JWT"}')}\n.${b64('{"aud":"https://service.flow.microsoft.com/","oid":"secret-oid"}')}\n.c2lnbmF0dXJlc2lnbmF0dXJl`;
/** A header that does not start with eyJ (white space before the brace). */
const NO_EYJ = `${b64(' {"alg":"RS256"}')}.${b64('{"oid":"other-secret"}')}.c2lnbmF0dXJl`;
/** Quotes and backslashes in the value: the end of the string must still be found. */
const QUOTED = 'Bearer "abc\\"def\\\\" tail-secret';

/** Runs one request through two real connections and returns what a redacting channel shows. */
async function traced(params: DecodeTokenParams, format: TraceFormat, level: Trace): Promise<string> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const client = createMessageConnection(toClient, toServer);
  const server = createMessageConnection(toServer, toClient);
  server.onRequest(DecodeTokenRequest.method, () => ({ ok: false, error: 'test' }));
  server.listen();
  client.listen();
  const channel: string[] = [];
  // what vscode-languageclient's logTrace / logObjectTrace write to the trace channel
  const tracer: Tracer = {
    log(message: string | unknown, data?: string) {
      if (typeof message === 'string') {
        channel.push(redactSecrets(`[Trace - 12:00:00] ${message}`));
        if (data) channel.push(redactSecrets(data));
      } else {
        channel.push(redactSecrets(`[LSP   - 12:00:00] ${JSON.stringify(message)}`));
      }
    },
  };
  await client.trace(level, tracer, { sendNotification: false, traceFormat: format });
  await client.sendRequest(DecodeTokenRequest.method, params);
  client.dispose();
  server.dispose();
  return channel.join('\n');
}

const secrets = (token: string) => token.split(/[.\s"\\]+/).filter(p => p.length >= 8);

for (const [name, token] of [['split across lines', SPLIT], ['without eyJ', NO_EYJ], ['with quotes and backslashes', QUOTED]] as const) {
  for (const [format, level, label] of [
    [TraceFormat.Text, Trace.Verbose, 'verbose text (pretty JSON)'],
    [TraceFormat.Text, Trace.Compact, 'compact text'],
    [TraceFormat.JSON, Trace.Verbose, 'JSON'],
  ] as const) {
    test(`a token ${name} never reaches a ${label} trace; the other params stay`, async () => {
      const out = await traced({ token, flow: 'order-intake' }, format, level);
      for (const part of secrets(token)) assert.ok(!out.includes(part), `the trace shows ${part}:\n${out}`);
      assert.ok(out.includes(REDACTED), out);
      assert.ok(out.includes('order-intake'), out);
    });
  }
}

test('a value escaped once more (a message stringified inside a string) is redacted at its depth', () => {
  const inner = JSON.stringify({ token: QUOTED, flow: 'f' });
  const line = JSON.stringify({ message: inner });
  const out = redactSecrets(line);
  assert.ok(!out.includes('tail-secret'), out);
  assert.equal(out, JSON.stringify({ message: JSON.stringify({ token: REDACTED, flow: 'f' }) }));
});

test('a value cut off at the end of a line is dropped to the end of that line only', () => {
  assert.equal(redactSecrets('Params: {"token": "abc.def\nnext line'), `Params: {"token": "${REDACTED}\nnext line`);
});

test('a key named token elsewhere in text, or not followed by a string, is left alone', () => {
  assert.equal(redactSecrets('the "token" field: 3'), 'the "token" field: 3');
  assert.equal(redactSecrets('{"token": null, "tokenCount": "7"}'), '{"token": null, "tokenCount": "7"}');
});

test('JWT-shaped text outside the field is still redacted (the second layer)', () => {
  const jwt = `eyJhbGciOiJSUzI1NiJ9.${b64('{"oid":"x"}')}.c2ln`;
  assert.equal(redactSecrets(`failed on ${jwt}`), 'failed on <token redacted>');
});
