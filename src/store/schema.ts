/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` holds the version a file
 * is at; on open every later migration runs, all in one immediate transaction, so a file is at one
 * version or the next, never between. Append new migrations; never edit one that has shipped.
 */
import type Database from 'better-sqlite3';
import { StoreError } from './types.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Full-text tokenizer: Unicode word rules, accents folded so "Zurich" finds "Zürich". */
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/** An article's text from its stored JSON: the text field when kept, else the paragraphs joined by a blank line. */
const ARTICLE_TEXT_SQL = (col: string) =>
  `coalesce(json_extract(${col}, '$.text'), (SELECT group_concat(value, char(10) || char(10)) FROM json_each(${col}, '$.paragraphs')), '')`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'pages, results, copies, stories, briefs, full-text search',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('stages_cursor', '0');

      -- One row per distinct content. seq is insertion order: the order the stages replay articles in.
      CREATE TABLE pages (
        seq INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        format TEXT NOT NULL CHECK (format IN ('text', 'html')),
        encoding TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        fetched_at TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        compression TEXT NOT NULL CHECK (compression IN ('br', 'gzip', 'none')),
        body BLOB NOT NULL
      );

      -- The extract result of each page (an Article or an ExtractFailure), replaced by reprocess.
      CREATE TABLE results (
        page_seq INTEGER PRIMARY KEY REFERENCES pages (seq) ON DELETE CASCADE,
        id TEXT NOT NULL UNIQUE,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        original_source TEXT,
        json TEXT NOT NULL
      );

      -- Article search reads title and text out of the result JSON (external content: not stored twice).
      -- The JSON leaves out an article's text when it is its paragraphs joined by a blank line, as it
      -- almost always is (a third of the row): ARTICLE_TEXT_SQL rebuilds it.
      CREATE VIEW article_text AS
        SELECT page_seq, json_extract(json, '$.title') AS title, ${ARTICLE_TEXT_SQL('json')} AS text FROM results WHERE ok = 1;
      CREATE VIRTUAL TABLE article_fts USING fts5 (title, text, content = 'article_text', content_rowid = 'page_seq', ${TOKENIZE});
      CREATE TRIGGER results_fts_insert AFTER INSERT ON results WHEN new.ok = 1 BEGIN
        INSERT INTO article_fts (rowid, title, text)
          VALUES (new.page_seq, coalesce(json_extract(new.json, '$.title'), ''), ${ARTICLE_TEXT_SQL('new.json')});
      END;
      CREATE TRIGGER results_fts_delete AFTER DELETE ON results WHEN old.ok = 1 BEGIN
        INSERT INTO article_fts (article_fts, rowid, title, text)
          VALUES ('delete', old.page_seq, coalesce(json_extract(old.json, '$.title'), ''), ${ARTICLE_TEXT_SQL('old.json')});
      END;

      CREATE TABLE copy_groups (canonical TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE copy_members (
        article_id TEXT PRIMARY KEY,
        canonical TEXT NOT NULL REFERENCES copy_groups (canonical) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX copy_members_canonical ON copy_members (canonical);
      CREATE TABLE relations (a TEXT NOT NULL, b TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
      CREATE INDEX relations_b ON relations (b);

      CREATE TABLE stories (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT,
        last_seen TEXT,
        article_count INTEGER NOT NULL,
        json TEXT NOT NULL
      );
      CREATE INDEX stories_latest ON stories (last_seen DESC, id);
      CREATE INDEX stories_biggest ON stories (article_count DESC, last_seen DESC, id);
      -- An article is in at most one story: the primary key enforces it.
      CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX story_articles_story ON story_articles (story_id);
      CREATE VIRTUAL TABLE story_fts USING fts5 (title, content = 'stories', content_rowid = 'rowid', ${TOKENIZE});
      CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
        INSERT INTO story_fts (rowid, title) VALUES (new.rowid, coalesce(new.title, ''));
      END;
      CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
        INSERT INTO story_fts (story_fts, rowid, title) VALUES ('delete', old.rowid, coalesce(old.title, ''));
      END;

      -- A brief belongs to one version of its story: rewriting the story drops it (it is out of date).
      CREATE TABLE briefs (
        story_id TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        json TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'raw page bytes, for re-decoding after a decoder upgrade',
    sql: `
      -- The bytes a page was decoded from (brotli), with the charset its transport declared. NULL when
      -- they are the body's own UTF-8 bytes (most pages), so a UTF-8 page is not stored twice.
      ALTER TABLE pages ADD COLUMN raw BLOB;
      ALTER TABLE pages ADD COLUMN raw_charset TEXT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings a database to SCHEMA_VERSION. Refuses a file from a newer Storyweave rather than guess what
 * its tables mean. The version is re-read inside the immediate transaction, so two processes opening
 * one new file at once migrate it once.
 */
export function migrate(db: Database.Database, label: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > SCHEMA_VERSION) {
    throw new StoreError('newer_schema', `${label} is at schema version ${version()}, newer than this Storyweave knows (${SCHEMA_VERSION}): upgrade Storyweave`);
  }
  db.transaction(() => {
    const current = version();
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}
