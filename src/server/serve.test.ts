import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../store/index.ts';
import { serve } from './serve.ts';
import { HealthResponse } from './schemas.ts';

test('serve listens on 127.0.0.1 by default on the port asked (0 = any), answers over HTTP, and closes', async () => {
  const store = await openStore({ kind: 'memory' });
  const server = await serve({ store, port: 0 });
  try {
    assert.equal(server.host, '127.0.0.1');
    assert.ok(server.port > 0);
    assert.equal(server.url, `http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(res.status, 200);
    assert.equal(HealthResponse.parse(await res.json()).counts.pages, 0);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/u);
    await assert.rejects(serve({ store, port: server.port }), /EADDRINUSE/u, 'a taken port is an error, not a silent second server');
  } finally {
    await server.close();
  }
  await assert.rejects(fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(10_000) }), 'closed');
  await store.close();
});
