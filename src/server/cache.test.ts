import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_AGE_MS, MAX_ENTRIES, ResponseCache } from './cache.ts';

test('the response cache serves an entry until the stages cursor moves or it ages out, and stays bounded', async () => {
  let cursor = 1;
  let now = 0;
  let made = 0;
  const cache = new ResponseCache(async () => cursor, () => now);
  const produce = async () => ({ body: `v${++made}`, type: 'text/plain', status: 200 });
  assert.equal((await cache.get('k', produce)).body, 'v1');
  assert.equal((await cache.get('k', produce)).body, 'v1', 'served from the cache');
  cursor = 2;
  assert.equal((await cache.get('k', produce)).body, 'v2', 'a stage write invalidates');
  now += MAX_AGE_MS;
  assert.equal((await cache.get('k', produce)).body, 'v3', 'an old entry is made again');
  await assert.rejects(cache.get('bad', async () => Promise.reject(new Error('boom'))));
  assert.equal((await cache.get('bad', produce)).body, 'v4', 'a failure is not kept');
  for (let i = 0; i < MAX_ENTRIES + 10; i++) await cache.get(`many ${i}`, produce);
  const before = made;
  await cache.get('many 0', produce);
  assert.equal(made, before + 1, 'the oldest entries were dropped');
  await cache.get(`many ${MAX_ENTRIES + 9}`, produce);
  assert.equal(made, before + 1, 'the newest are kept');
});
