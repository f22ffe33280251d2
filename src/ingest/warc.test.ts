import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { readInputs } from './read.ts';
import type { IngestItem, SkipReason } from './types.ts';

interface Spec {
  type: 'response' | 'request' | 'warcinfo' | 'metadata';
  url: string;
  date?: string;
  status?: string;
  headers?: Record<string, string>;
  body: Uint8Array | string;
}

async function serialise(spec: Spec, gzip: boolean): Promise<Buffer> {
  const body = typeof spec.body === 'string' ? new TextEncoder().encode(spec.body) : spec.body;
  const record =
    spec.type === 'warcinfo'
      ? WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'storyweave test' })
      : WARCRecord.create(
          {
            url: spec.url,
            date: spec.date ?? '2026-02-01T10:00:00Z',
            type: spec.type,
            warcVersion: 'WARC/1.1',
            ...(spec.type === 'request' ? { statusline: `GET ${new URL(spec.url).pathname} HTTP/1.1` } : { statusline: `HTTP/1.1 ${spec.status ?? '200 OK'}` }),
            ...(spec.headers ? { httpHeaders: spec.headers } : {}),
          },
          (async function* () {
            yield body;
          })(),
        );
  return Buffer.from(await WARCSerializer.serialize(record, { gzip }));
}

/** What a CC-NEWS file holds: warcinfo, then request / response (/ metadata) per URL. */
const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
const SPECS: Spec[] = [
  { type: 'warcinfo', url: '', body: '' },
  { type: 'request', url: 'https://news.example/a', headers: { 'User-Agent': 'CCBot' }, body: '' },
  {
    type: 'response',
    url: 'https://news.example/a',
    date: '2026-02-01T10:00:00Z',
    headers: { 'Content-Type': 'text/html; charset=utf-8', Server: 'nginx', 'Set-Cookie': 'x=1' },
    body: '<!DOCTYPE html><html><head><title>A</title></head><body><p>Story A from the archive.</p></body></html>',
  },
  { type: 'metadata', url: 'https://news.example/a', headers: { 'Content-Type': 'application/warc-fields' }, body: 'fetchTimeMs: 120\r\n' },
  { type: 'response', url: 'https://news.example/logo.png', headers: { 'Content-Type': 'image/png' }, body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) },
  { type: 'response', url: 'https://news.example/gone', status: '404 Not Found', headers: { 'Content-Type': 'text/html' }, body: '<p>Not found</p>' },
  {
    type: 'response',
    url: 'https://news.example/b',
    date: '2026-02-01T10:05:30Z',
    // The charset is in the HTTP header only: the page itself declares none.
    headers: { 'Content-Type': 'text/html; charset=windows-1251' },
    body: Buffer.concat([Buffer.from('<html><body><p>'), cp1251, Buffer.from(' from Moscow.</p></body></html>')]),
  },
  {
    type: 'response',
    url: 'https://news.example/big',
    headers: { 'Content-Type': 'text/html' },
    body: `<html><body>${'<p>filler</p>'.repeat(2000)}</body></html>`,
  },
  {
    type: 'response',
    url: 'https://news.example/c',
    date: '2026-02-01T10:09:00Z',
    // Compressed on the wire as the crawler received it: warcio undoes the Content-Encoding.
    headers: { 'Content-Type': 'application/xhtml+xml', 'Content-Encoding': 'gzip' },
    body: gzipSync('<html><body><p>Story C, gzip on the wire.</p></body></html>'),
  },
];

async function writeWarc(path: string, gzip: boolean): Promise<void> {
  const parts: Buffer[] = [];
  for (const spec of SPECS) parts.push(await serialise(spec, gzip));
  writeFileSync(path, Buffer.concat(parts));
}

async function read(path: string): Promise<{ items: IngestItem[]; skipped: Array<[string, SkipReason]> }> {
  const items: IngestItem[] = [];
  const skipped: Array<[string, SkipReason]> = [];
  for await (const item of readInputs([path], { maxBytes: 10_000, onSkipped: (source, reason) => skipped.push([source, reason]) })) items.push(item);
  return { items, skipped };
}

for (const gzip of [false, true]) {
  const name = gzip ? 'a .warc.gz (every record gzip-compressed)' : 'a plain .warc';
  test(`${name} written with warcio reads back as pages: HTTP headers stripped, target URI and date kept, others skipped`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-warc-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, gzip ? 'CC-NEWS-test.warc.gz' : 'CC-NEWS-test.warc');
    await writeWarc(path, gzip);
    const { items, skipped } = await read(path);

    assert.deepEqual(
      items.map((i) => (i.ok ? i.page.url : `${i.error.code}`)),
      ['https://news.example/a', 'https://news.example/b', 'too_large', 'https://news.example/c'],
    );
    const [a, b, big, c] = items;
    assert.ok(a?.ok && b?.ok && c?.ok && big && !big.ok);
    assert.equal(a.page.format, 'html');
    assert.equal(a.page.fetchedAt, '2026-02-01T10:00:00.000Z');
    assert.ok(a.page.content.startsWith('<!DOCTYPE html>'), 'the HTTP status line and headers are not part of the page');
    assert.doesNotMatch(a.page.content, /Set-Cookie|nginx/);
    assert.match(a.page.source, new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#offset=\\d+$`));

    assert.match(b.page.content, /Привет from Moscow\./);
    assert.equal(b.page.encoding, 'windows-1251');
    assert.equal(b.page.fetchedAt, '2026-02-01T10:05:30.000Z');

    assert.match(big.error.message, /over the limit of 10000 bytes \(https:\/\/news\.example\/big\)/);
    assert.match(c.page.content, /Story C, gzip on the wire\./);

    assert.deepEqual(
      skipped.map(([, reason]) => reason),
      ['warc_not_response', 'warc_not_response', 'warc_not_response', 'warc_not_html', 'warc_status'],
    );
    // Offsets are distinct and increasing: each names its own record.
    const offsets = [...items.map((i) => (i.ok ? i.page.source : i.source)), ...skipped.map(([s]) => s)].map((s) => Number(s.split('#offset=')[1]));
    assert.equal(new Set(offsets).size, offsets.length);
  });
}

test('a folder walk reads .warc.gz files; truncated and foreign files end in one error, never a hang', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-warc-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  await writeWarc(join(inbox, 'one.warc.gz'), true);
  const whole = await read(inbox);
  assert.equal(whole.items.filter((i) => i.ok).length, 3);

  // A download cut inside the second record: the first page, then the cut record refused (not half a page).
  const first = await serialise(SPECS[2]!, false);
  const second = await serialise(SPECS[6]!, false);
  const cut = join(dir, 'cut.warc');
  writeFileSync(cut, Buffer.concat([first, second.subarray(0, second.length - 20)]));
  const { items } = await read(cut);
  assert.deepEqual(
    items.map((i) => (i.ok ? i.page.url : `${i.error.code}: ${i.error.message}`)),
    ['https://news.example/a', 'decode_failed: the file ends inside this record (https://news.example/b): a truncated download?'],
  );
  // The same when the cut record is one that would have been skipped.
  const request = await serialise(SPECS[1]!, false);
  writeFileSync(cut, Buffer.concat([first, request.subarray(0, request.length - 12)]));
  assert.deepEqual((await read(cut)).items.map((i) => (i.ok ? 'ok' : i.error.code)), ['ok', 'decode_failed']);

  const junk = join(dir, 'junk.warc');
  writeFileSync(junk, 'this is not a WARC file at all\n');
  const bad = await read(junk);
  assert.equal(bad.items.length, 1);
  assert.ok(!bad.items[0]!.ok && bad.items[0]!.error.code === 'decode_failed' && /not a WARC file/.test(bad.items[0]!.error.message));

  const empty = join(dir, 'empty.warc.gz');
  writeFileSync(empty, '');
  assert.deepEqual((await read(empty)).items.map((i) => (i.ok ? 'ok' : i.error.code)), ['empty']);
});
