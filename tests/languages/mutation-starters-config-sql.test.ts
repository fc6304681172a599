// The SQL starter (src/languages/sql-starter.ts), written out whole for realistic scripts: which
// statement gets which hint, what a CREATE TABLE keeps (its columns, one hint each) and where a
// statement or a table ends. The mutation run (README › Mutation testing) showed these untested;
// writing them out found tables that never closed (`); -- comment`, `) WITH (a, b);`, the last
// column on the closing line), MySQL and T-SQL names the starter did not read, multi-line CHECKs
// hinted line by line, comma-first columns taken for constraints and block comments for statements.
import { describe, expect, it } from 'vitest';
import { sqlStarter } from '../../src/languages/sql-starter.js';
import { starterCode } from '../../src/languages/starters.js';

const script = (...lines: string[]) => lines.join('\n');

describe('a PostgreSQL schema with data and a query', () => {
  it('keeps comments, blank lines and each table, with one hint per column; statements become one hint', () => {
    const source = script(
      '-- Shop schema',
      'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
      '',
      'CREATE TABLE IF NOT EXISTS customers (',
      '  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),',
      '  "email" TEXT NOT NULL UNIQUE,',
      '  -- shown on invoices',
      '  full_name TEXT NOT NULL',
      ');',
      '',
      'CREATE TABLE orders(  ',
      '  id BIGSERIAL PRIMARY KEY,',
      '  customer_id UUID NOT NULL REFERENCES customers (id),',
      '  total NUMERIC(10, 2) NOT NULL,',
      '  unique_code TEXT NOT NULL,',
      '  checked_at TIMESTAMPTZ,',
      '  CONSTRAINT orders_total_positive CHECK (total >= 0),',
      '  FOREIGN KEY (customer_id) REFERENCES customers (id),',
      '  unique (customer_id, unique_code),',
      '  primary key (id)',
      ');',
      '',
      'CREATE UNIQUE INDEX IF NOT EXISTS customers_email_idx ON customers (lower(email));',
      'CREATE INDEX ON orders (customer_id);',
      '',
      'INSERT INTO customers (email, full_name)',
      "VALUES ('ada@example.com', 'Ada Lovelace'),",
      "       ('alan@example.com', 'Alan Turing');",
      '',
      'SELECT c.full_name, SUM(o.total) AS spent',
      'FROM customers c',
      '  -- paid orders only',
      "JOIN orders o ON o.customer_id = c.id AND o.status = 'paid'",
      'GROUP BY c.full_name;',
    );
    expect(starterCode(source, 'sql')).toBe(
      script(
        '-- Shop schema',
        '-- TODO: enable the extension pgcrypto',
        '',
        'CREATE TABLE IF NOT EXISTS customers (',
        '  -- TODO: column id: choose its type and constraints',
        '  -- TODO: column email: choose its type and constraints',
        '  -- shown on invoices',
        '  -- TODO: column full_name: choose its type and constraints',
        ');',
        '',
        'CREATE TABLE orders (',
        '  -- TODO: column id: choose its type and constraints',
        '  -- TODO: column customer_id: choose its type and constraints',
        '  -- TODO: column total: choose its type and constraints',
        '  -- TODO: column unique_code: choose its type and constraints',
        '  -- TODO: column checked_at: choose its type and constraints',
        // The four constraints, one hint each, collapsed into one by starterCode.
        '  -- TODO: add the table constraint',
        ');',
        '',
        '-- TODO: create the index on customers',
        '-- TODO: create the index on orders',
        '',
        '-- TODO: insert the rows into customers',
        '',
        '-- TODO: write the query',
        '  -- paid orders only',
      ),
    );
  });
});

describe('the hint of each kind of statement', () => {
  it('names the table, index target or extension, and the kind of object created', () => {
    const source = script(
      'CREATE TABLE audit_log (id BIGSERIAL PRIMARY KEY, note TEXT);',
      'create table if not exists public.sessions (token text primary key);',
      'CREATE TABLE `carts` (id INT);',
      'CREATE INDEX orders_placed_idx ON public.orders (placed_at);',
      'CREATE INDEX `carts_user` ON `carts` (user_id);',
      'CREATE EXTENSION "uuid-ossp";',
      'CREATE OR REPLACE VIEW order_totals AS SELECT customer_id, SUM(total) FROM orders GROUP BY customer_id;',
      "create function add_one(n integer) returns integer as 'select n + 1' language sql;",
      'CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();',
      "CREATE TYPE order_status AS ENUM ('new', 'paid');",
      'CREATE SCHEMA billing;',
      'CREATE ROLE reader;',
      'ALTER TABLE "Orders" ADD COLUMN note TEXT;',
      'INSERT INTO billing.invoices (order_id) VALUES (1);',
      "UPDATE orders SET status = 'paid' WHERE id = 1;",
      'DELETE FROM sessions WHERE expires_at < now();',
      'select count(*) from orders;',
      'GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;',
      'REVOKE ALL ON orders FROM PUBLIC;',
      'DROP TABLE IF EXISTS scratch;',
    );
    expect(starterCode(source, 'sql')).toBe(
      script(
        '-- TODO: create the table audit_log',
        '-- TODO: create the table public.sessions',
        '-- TODO: create the table `carts`',
        '-- TODO: create the index on public.orders',
        '-- TODO: create the index on `carts`',
        '-- TODO: enable the extension "uuid-ossp"',
        '-- TODO: create the view',
        '-- TODO: create the function',
        '-- TODO: create the trigger',
        '-- TODO: create the type',
        '-- TODO: create the schema',
        '-- TODO: create the role',
        '-- TODO: alter the table "Orders"',
        '-- TODO: insert the rows into billing.invoices',
        '-- TODO: update orders',
        '-- TODO: delete from sessions',
        '-- TODO: write the query',
        '-- TODO: grant the privileges',
        '-- TODO: revoke the privileges',
        '-- TODO: write this statement',
      ),
    );
  });

  it('goes by the statement a line starts with, not by one further on the line', () => {
    const source = script(
      'DROP TABLE IF EXISTS tags; CREATE TABLE tags (id INT);',
      'DROP INDEX IF EXISTS tags_idx; CREATE INDEX tags_idx ON tags (id);',
      'DROP EXTENSION IF EXISTS citext; CREATE EXTENSION citext;',
      'DROP VIEW IF EXISTS recent; CREATE VIEW recent AS TABLE orders;',
      'BEGIN; ALTER TABLE orders ADD COLUMN note TEXT; COMMIT;',
      'BEGIN; INSERT INTO tags VALUES (1); COMMIT;',
      'BEGIN; UPDATE tags SET id = 2; COMMIT;',
      'BEGIN; DELETE FROM tags; COMMIT;',
      'EXPLAIN ANALYZE SELECT * FROM orders;',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reader;',
      'ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE INSERT ON TABLES FROM reader;',
      'DROP TABLE IF EXISTS notes; CREATE TABLE notes (',
      '  id INT',
      ');',
      'SHOW search_path;',
    );
    // sqlStarter itself: starterCode would collapse these identical lines into one.
    expect(sqlStarter(source)).toEqual(Array(13).fill('-- TODO: write this statement'));
  });

  it('reads keywords spread over several spaces (a script aligned by hand)', () => {
    const source = script(
      'CREATE  TEMPORARY  TABLE  IF  NOT  EXISTS  scratch  (',
      '  id  INT',
      ');',
      'CREATE  TEMP  TABLE  totals  (',
      '  n  INT',
      ');',
      'CREATE  UNLOGGED  TABLE  hits  (',
      '  url  TEXT',
      ');',
      'CREATE  TABLE  IF  NOT  EXISTS  tags  (id INT);',
      'CREATE  UNIQUE  INDEX  IF  NOT  EXISTS  tags_idx  ON  tags  (id);',
      'CREATE  EXTENSION  IF  NOT  EXISTS  citext;',
      'CREATE  OR  REPLACE  VIEW  recent  AS  TABLE  orders;',
      'ALTER  TABLE  tags  ADD  COLUMN  note  TEXT;',
      'INSERT  INTO  tags  VALUES  (1);',
      'UPDATE  tags  SET  id = 2;',
      'DELETE  FROM  tags;',
    );
    expect(starterCode(source, 'sql')).toBe(
      script(
        'CREATE  TEMPORARY  TABLE  IF  NOT  EXISTS  scratch (',
        '  -- TODO: column id: choose its type and constraints',
        ');',
        'CREATE  TEMP  TABLE  totals (',
        '  -- TODO: column n: choose its type and constraints',
        ');',
        'CREATE  UNLOGGED  TABLE  hits (',
        '  -- TODO: column url: choose its type and constraints',
        ');',
        '-- TODO: create the table tags',
        '-- TODO: create the index on tags',
        '-- TODO: enable the extension citext',
        '-- TODO: create the view',
        '-- TODO: alter the table tags',
        '-- TODO: insert the rows into tags',
        '-- TODO: update tags',
        '-- TODO: delete from tags',
      ),
    );
  });
});

describe('where a CREATE TABLE ends', () => {
  it('closes MySQL and T-SQL tables, table options, multi-line CHECKs and a last column on the closing line', () => {
    const source = script(
      'CREATE TABLE `customers` (',
      '  `id` INT AUTO_INCREMENT PRIMARY KEY,',
      '  `email` VARCHAR(255) NOT NULL,',
      '  KEY `email_idx` (`email`)',
      ') ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4;',
      '',
      'CREATE TABLE [dbo].[Invoices] (',
      '  [Id] INT IDENTITY(1, 1) NOT NULL,',
      '  [Total] DECIMAL(10, 2) NOT NULL',
      ');',
      '',
      'CREATE TABLE shipments (',
      '  id SERIAL PRIMARY KEY,',
      '  weight_kg NUMERIC(6, 2) CHECK(weight_kg > 0),',
      '  CHECK(',
      '    weight_kg < 1000',
      '  ),',
      '  EXCLUDE USING gist (id WITH =)',
      ') WITH (fillfactor = 70, autovacuum_enabled = false);',
      '',
      'CREATE TABLE tags (',
      '  id INT PRIMARY KEY,',
      '  name TEXT NOT NULL); -- one row per tag',
      '',
      '  CREATE TABLE notes (',
      '    body TEXT',
      '  )',
      '  ;',
      'SELECT * FROM tags;',
    );
    expect(starterCode(source, 'sql')).toBe(
      script(
        'CREATE TABLE `customers` (',
        '  -- TODO: column id: choose its type and constraints',
        '  -- TODO: column email: choose its type and constraints',
        '  -- TODO: add the table constraint',
        ');',
        '',
        'CREATE TABLE [dbo].[Invoices] (',
        '  -- TODO: column Id: choose its type and constraints',
        '  -- TODO: column Total: choose its type and constraints',
        ');',
        '',
        'CREATE TABLE shipments (',
        '  -- TODO: column id: choose its type and constraints',
        '  -- TODO: column weight_kg: choose its type and constraints',
        '  -- TODO: add the table constraint',
        ');',
        '',
        'CREATE TABLE tags (',
        '  -- TODO: column id: choose its type and constraints',
        '  -- TODO: column name: choose its type and constraints',
        ');',
        '',
        '  CREATE TABLE notes (',
        '    -- TODO: column body: choose its type and constraints',
        '  );',
        '-- TODO: write the query',
      ),
    );
  });

  it('reads columns written comma-first, and keeps block comments', () => {
    const source = script(
      '/*',
      ' * Reporting tables',
      ' */',
      'CREATE TABLE daily_sales (',
      '    day DATE NOT NULL',
      '  , store_id INT NOT NULL',
      '  ,total NUMERIC(12, 2)',
      '  /* one row per store and day */',
      '  , PRIMARY KEY (day, store_id)',
      ');',
      '/* the check */',
      'SELECT 1;',
    );
    expect(sqlStarter(source)).toEqual([
      '/*',
      ' * Reporting tables',
      ' */',
      'CREATE TABLE daily_sales (',
      '    -- TODO: column day: choose its type and constraints',
      '  -- TODO: column store_id: choose its type and constraints',
      '  -- TODO: column total: choose its type and constraints',
      '  /* one row per store and day */',
      '  -- TODO: add the table constraint',
      ');',
      '/* the check */',
      '-- TODO: write the query',
    ]);
  });

  it('leaves an elision among the columns to complete', () => {
    const source = script('CREATE TABLE orders (', '  id SERIAL PRIMARY KEY,', '  ... the other columns', ');');
    expect(sqlStarter(source)).toEqual([
      'CREATE TABLE orders (',
      '  -- TODO: column id: choose its type and constraints',
      '  -- TODO: complete this line',
      ');',
    ]);
  });

  it('closes on a comment after the parenthesis, and skips what is left of the statement', () => {
    const source = script('CREATE TABLE events (', '  id INT', ') -- partitioned below', 'PARTITION BY RANGE (id);', 'SELECT 1;');
    expect(sqlStarter(source)).toEqual(['CREATE TABLE events (', '  -- TODO: column id: choose its type and constraints', ');', '-- TODO: write the query']);
  });
});
