import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { deferCompletionDocumentation } from '../../server/src/completionDocs';

const doc = (value: string) => ({ kind: 'markdown' as const, value });

test('deferred documentation: the list goes without it, resolve brings it back, the service\'s items are left as they were', () => {
  const deferred = deferCompletionDocumentation();
  const items: CompletionItem[] = [{ label: 'set-header', documentation: doc('sets a header') }, { label: 'own', data: 7, documentation: doc('kept') }, { label: 'bare' }];
  const sent = deferred.defer({ isIncomplete: false, items } satisfies CompletionList);
  assert.equal(sent.items[0].documentation, undefined);
  assert.deepEqual(sent.items[1], items[1], 'an item with data of its own is sent as it is');
  assert.deepEqual(sent.items[2], { label: 'bare' });
  assert.deepEqual(items[0].documentation, doc('sets a header'), 'the service\'s item keeps its documentation');
  assert.deepEqual(deferred.resolve(sent.items[0]).documentation, doc('sets a header'));
  // the same items handed out again (a list the service kept) still carry it
  const again = deferred.defer(items);
  assert.deepEqual(deferred.resolve(again[0]).documentation, doc('sets a header'));
  // an item of the older list is returned as it is
  assert.equal(deferred.resolve(sent.items[0]).documentation, undefined);
  assert.equal(deferred.defer(null), null);
});
