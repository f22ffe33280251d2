/**
 * The kill -9 test (issue 6, acceptance 3): a child process ingests a generated folder into a SQLite
 * file and is killed with SIGKILL at several moments — while storing pages, while writing stages,
 * while replaying on start — then run to completion. Every page must be stored exactly once, no
 * article twice, stories must cover exactly the stored articles, and the file must pass SQLite's
 * integrity check. Kill points come from a seeded generator; where the kill lands within the child's
 * work depends on scheduling, which is the point: no timing is asserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { seededRng } from '../../eval/lib.ts';
import { contentHash } from './sqlite.ts';
import { generateCorpus } from './testing/corpus.ts';
import { Story } from '../records/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'testing', 'ingest-child.ts');
const PAGES = 300;
const BATCH = 20;
const KILLS = 3;

/** Runs the child until `stop(line)` says to kill it (SIGKILL), or to its end. Resolves with its output and how it ended. */
function runChild(db: string, folder: string, stop: (line: string) => boolean): Promise<{ lines: string[]; killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, folder, String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const t0 = performance.now();
    let killed = false;
    let rest = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      rest += chunk;
      const parts = rest.split('\n');
      rest = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (!killed && stop(line)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!killed && code !== 0) reject(new Error(`the child failed (${code ?? signal}): ${stderr}`));
      else {
        if (process.env.SW_CRASH_TRACE) console.error(`child: ${lines.length} lines, last ${lines.at(-1)}, ${Math.round(performance.now() - t0)} ms`);
        resolve({ lines, killed: killed && signal === 'SIGKILL', code });
      }
    });
  });
}

test('kill -9 at random moments of an ingest, then the same command again: every page once, stories consistent', { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-crash-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const folder = join(dir, 'pages');
  mkdirSync(folder);
  const hashes = new Set<string>();
  for (const page of generateCorpus({ pages: PAGES, seed: 11, pagesPerStory: 25 })) {
    writeFileSync(join(folder, page.name), page.content);
    hashes.add(contentHash(page.content));
  }
  const db = join(dir, 'store.db');
  const rand = seededRng(2026);

  const storedOf = (line: string) => (line.startsWith('stored ') ? Number(line.slice(7)) : -1);
  // Kills: while storing pages (mid-batch, at a batch end, or while stages are written), then while
  // the rerun replays and catches up what the first run stored, then while storing again.
  const kills: ((line: string) => boolean)[] = [];
  for (let k = 0; k < KILLS; k++) {
    const target = Math.floor(rand() * 60) + 1;
    kills.push(k === 1 ? (line) => line === 'phase rebuild' : (line) => storedOf(line) >= target);
  }
  let landed = 0;
  for (const stop of kills) {
    const before = countPages(db);
    const run = await runChild(db, folder, stop);
    if (run.killed) landed++;
    assert.ok(countPages(db) >= before, 'a kill never loses committed pages');
  }
  assert.equal(landed, KILLS, 'every kill landed mid-run');
  const partial = countPages(db);
  assert.ok(partial > 0 && partial < hashes.size, `the kills left a partial store (${partial} of ${hashes.size} pages)`);

  const final = await runChild(db, folder, () => false);
  const done = JSON.parse(final.lines.find((l) => l.startsWith('done '))!.slice(5)) as { stored: number; known: number };
  assert.equal(done.known + done.stored, PAGES, 'every input page either stored now or known');

  const conn = new Database(db, { readonly: true });
  try {
    assert.equal(conn.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(conn.pragma('foreign_key_check'), []);
    const stored = conn.prepare('SELECT hash FROM pages').pluck().all() as string[];
    assert.equal(stored.length, hashes.size, 'every distinct page stored exactly once');
    assert.deepEqual(new Set(stored), hashes);
    const results = conn.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT page_seq) AS pages FROM results').get() as { n: number; ids: number; pages: number };
    assert.deepEqual(results, { n: hashes.size, ids: hashes.size, pages: hashes.size }, 'one result per page, no article twice');
    const ok = new Set(conn.prepare('SELECT id FROM results WHERE ok = 1').pluck().all() as string[]);
    assert.ok(ok.size > PAGES * 0.7);

    const inStories = new Map<string, string>();
    for (const json of conn.prepare('SELECT json FROM stories').pluck().all() as string[]) {
      const story = Story.parse(JSON.parse(json));
      for (const id of story.articles) {
        assert.ok(!inStories.has(id), `${id} is in ${inStories.get(id)} and ${story.id}`);
        inStories.set(id, story.id);
      }
    }
    assert.deepEqual(new Set(inStories.keys()), ok, 'the stories cover exactly the stored articles');
    const linked = conn.prepare('SELECT article_id, story_id FROM story_articles').all() as { article_id: string; story_id: string }[];
    assert.deepEqual(new Map(linked.map((r) => [r.article_id, r.story_id])), inStories);
    const grouped = conn.prepare('SELECT article_id FROM copy_members').pluck().all() as string[];
    for (const id of grouped) assert.ok(ok.has(id), `copy group member ${id} is a stored article`);
    assert.ok(grouped.length > 0, 'the planted copies were grouped');
    const maxSeq = conn.prepare('SELECT max(seq) FROM pages').pluck().get();
    assert.equal(conn.prepare(`SELECT value FROM meta WHERE key = 'stages_cursor'`).pluck().get(), String(maxSeq), 'the stages cover every stored page');
  } finally {
    conn.close();
  }

});

function countPages(db: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT count(*) FROM pages').pluck().get() as number;
  } finally {
    conn.close();
  }
}
