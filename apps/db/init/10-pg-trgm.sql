-- Extensions the marketplace restserver uses, created in POSTGRES_DB on first start.
-- The official entrypoint runs this file with psql in POSTGRES_DB, and 20-pg-trgm-template1.sh
-- applies it again to template1 so that databases created later start with the same extensions.
-- Keep it plain SQL (no psql meta-commands), because tests apply it through the pg driver.

-- pg_trgm provides similarity() and trigram indexes for item search. Creating it on PostgreSQL 12
-- needs a superuser, and POSTGRES_USER is one in the official image. From PostgreSQL 13 on it is a
-- trusted extension that any database owner may create.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
