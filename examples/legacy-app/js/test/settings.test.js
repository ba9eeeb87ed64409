import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { loadSettings, saveSettings } from '../src/settings.js';
import * as store from '../src/store.js';

beforeEach(() => store.reset());

test('saved settings override the defaults', async () => {
  await saveSettings({ pageSize: 50 });
  assert.deepEqual(await loadSettings(), { currency: 'EUR', pageSize: 50 });
});

test('the defaults are used while the store is down', async () => {
  store.failNextCalls(true);
  assert.deepEqual(await loadSettings(), { currency: 'EUR', pageSize: 20 });
  assert.equal(await saveSettings({ pageSize: 10 }), undefined);
});
