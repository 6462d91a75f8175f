// Opens the sandbox database and brings its schema up to date.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations.js";

export type Db = Database.Database;

export const DEFAULT_DB_FILE = ".data/sandbox.db";

export function openDatabase(file: string = DEFAULT_DB_FILE): Db {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ":memory:") {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
  }
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -131072");
  db.pragma("temp_store = MEMORY");
  db.pragma("mmap_size = 536870912");
  migrate(db);
  return db;
}

/** Applies the migrations not yet recorded in the migrations table; returns how many ran. */
export function migrate(db: Db): number {
  db.exec("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  const done = new Set(db.prepare("SELECT version FROM migrations").pluck().all() as number[]);
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, Date.now());
    })();
    applied++;
  }
  return applied;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement for this SQL, compiled once per database and reused. */
export function statement(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    // Filters combine into many texts; a full cache simply starts over.
    if (cache.size >= 500) cache.clear();
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
