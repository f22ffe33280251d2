import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHost, nonPublicReason, parseIPv6, type Resolver } from './address.ts';
import { fetchUrl, DEFAULT_FETCH_OPTIONS } from './fetch.ts';
import { readInputs } from './read.ts';

test('non-public IPv4 and IPv6 addresses are named; public ones pass', () => {
  const refused: Array<[string, RegExp]> = [
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['10.20.30.40', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade/],
    ['0.0.0.0', /this network/],
    ['224.0.0.251', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1%eth0', /link-local/],
    ['fd12:3456::1', /unique-local/],
    ['fc00::1', /unique-local/],
    ['ff02::1', /multicast/],
    ['::ffff:127.0.0.1', /IPv4-mapped loopback/],
    ['::ffff:7f00:1', /IPv4-mapped loopback/],
    ['::ffff:10.0.0.1', /IPv4-mapped private/],
    ['::ffff:169.254.169.254', /IPv4-mapped link-local/],
    ['64:ff9b::a00:1', /NAT64 private/],
    ['2002:c0a8:0101::1', /6to4 private/],
    ['2001:db8::1', /documentation/],
    ['[::1]', /loopback/],
    ['not-an-ip', /not an IP/],
  ];
  for (const [address, why] of refused) assert.match(nonPublicReason(address) ?? 'null', why, address);
  for (const address of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
    assert.equal(nonPublicReason(address), null, address);
  }
  assert.deepEqual(parseIPv6('1:2:3:4:5:6:7.8.9.10'), [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 7, 8, 9, 10]);
  assert.equal(parseIPv6('1::2::3'), null);
  assert.equal(parseIPv6('12345::'), null);
});

/** A resolver answering from a table, as DNS would, with no network; records the names asked. */
function tableResolver(table: Record<string, string[]>, asked: string[] = []): Resolver {
  return async (host) => {
    asked.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

test('a host is refused when any of its addresses is non-public, IPv4 or IPv6', async () => {
  const resolver = tableResolver({
    'news.example': ['93.184.216.34', '2606:2800:220:1::1'],
    'mixed.example': ['93.184.216.34', '10.0.0.7'],
    'v6.example': ['2606:2800:220:1::1', '::ffff:127.0.0.1'],
  });
  assert.deepEqual(await checkHost('news.example', resolver), { ok: true, addresses: ['93.184.216.34', '2606:2800:220:1::1'] });
  const mixed = await checkHost('mixed.example', resolver);
  assert.ok(!mixed.ok && mixed.reason === 'private' && /10\.0\.0\.7 is a private address \(mixed\.example resolves to it\)/.test(mixed.message));
  const v6 = await checkHost('v6.example', resolver);
  assert.ok(!v6.ok && v6.reason === 'private' && /IPv4-mapped loopback/.test(v6.message));
  const missing = await checkHost('nowhere.example', resolver);
  assert.ok(!missing.ok && missing.reason === 'unresolved' && /ENOTFOUND/.test(missing.message));
  // IP literals are judged without asking DNS.
  const asked: string[] = [];
  const literal = await checkHost('[::1]', tableResolver({}, asked));
  assert.ok(!literal.ok && literal.reason === 'private');
  assert.deepEqual(asked, []);
});

test('fetchUrl refuses a host that resolves privately before connecting (no network used)', async () => {
  const asked: string[] = [];
  const resolver = tableResolver({ 'intranet.example': ['192.168.0.10'], 'metadata.example': ['169.254.169.254'] }, asked);
  const options = { ...DEFAULT_FETCH_OPTIONS, resolver };
  const r = await fetchUrl('http://intranet.example/news', options);
  assert.ok(!r.ok && r.error.code === 'private_address', JSON.stringify(r));
  const m = await fetchUrl('https://metadata.example:8443/latest/meta-data', options);
  assert.ok(!m.ok && m.error.code === 'private_address' && /link-local/.test(m.error.message));
  const unknown = await fetchUrl('http://nowhere.example/', options);
  assert.ok(!unknown.ok && unknown.error.code === 'fetch_failed');
  assert.deepEqual(asked, ['intranet.example', 'metadata.example', 'nowhere.example']);
  // Not http(s), or not a URL at all: refused before any lookup.
  const ftp = await fetchUrl('ftp://intranet.example/x', options);
  assert.ok(!ftp.ok && ftp.error.code === 'bad_input');
  assert.equal(asked.length, 3);
});

test('readInputs turns a refused URL into a per-item error and goes on', async () => {
  const resolver = tableResolver({ 'router.example': ['fd00::1'] });
  const items = [];
  for await (const item of readInputs(['http://router.example/admin', 'http://[::ffff:127.0.0.1]:9/'], { maxBytes: 1e6, resolver })) items.push(item);
  assert.equal(items.length, 2);
  assert.ok(!items[0]!.ok && items[0]!.error.code === 'private_address' && items[0]!.source === 'http://router.example/admin');
  assert.ok(!items[1]!.ok && items[1]!.error.code === 'private_address');
});
