#!/bin/sh
# Entrypoint of the marketplace-db image. Before handing over to the official PostgreSQL
# entrypoint, it rejects a data directory written by another PostgreSQL major version. The server
# rejects such a directory too, but its message ("database files are incompatible with server")
# does not say how to upgrade.
#
# Environment:
#   PGDATA                     data directory, as for the official image
#   PG_MAJOR                   major version of the server in the image, set by the official image
#   MARKETPLACE_DB_ENTRYPOINT  entrypoint to exec afterwards (tests point it at a stub)
set -eu

official_entrypoint="${MARKETPLACE_DB_ENTRYPOINT:-/usr/local/bin/docker-entrypoint.sh}"
upgrade_guide='"Upgrading to a newer PostgreSQL major" in the marketplace-db README (apps/db/README.md)'

fail() {
  printf 'marketplace-db: %s\n' "$@" >&2
  exit 1
}

# Same rule as the official entrypoint: a first argument starting with "-" is an option for the
# postgres server. Other commands (bash, pg_dump, ...) must run on any data directory.
starts_server() {
  case "${1:-}" in
    -* | postgres) return 0 ;;
    *) return 1 ;;
  esac
}

is_integer() {
  case "$1" in
    '' | *[!0-9]*) return 1 ;;
    *) return 0 ;;
  esac
}

check_data_major() {
  version_file="${PGDATA:-}/PG_VERSION"

  # No PGDATA or no PG_VERSION: the official entrypoint will initialise a new cluster.
  if [ -z "${PGDATA:-}" ] || [ ! -e "$version_file" ]; then
    return 0
  fi

  if [ -z "${PG_MAJOR:-}" ]; then
    fail "PG_MAJOR is not set, so the PostgreSQL major of this image is unknown." \
      "Build the image from an official postgres base image, which sets PG_MAJOR."
  fi

  if [ ! -r "$version_file" ]; then
    fail "cannot read $version_file, so the major version of the data directory is unknown." \
      "Check that the container user may read $PGDATA."
  fi

  data_major=$(tr -d '[:space:]' < "$version_file")
  if [ -z "$data_major" ]; then
    fail "$version_file is empty, so $PGDATA is not a usable PostgreSQL data directory." \
      "Restore it from a backup, or move it away to initialise a new database."
  fi

  if [ "$data_major" = "$PG_MAJOR" ]; then
    return 0
  fi

  if is_integer "$data_major" && [ "$data_major" -gt "$PG_MAJOR" ]; then
    fail "the data directory $PGDATA contains PostgreSQL $data_major data, but this image runs PostgreSQL $PG_MAJOR." \
      "PostgreSQL cannot move a data directory to an older major version." \
      "Run the image built with --build-arg POSTGRES_MAJOR=$data_major instead."
  fi

  fail "the data directory $PGDATA contains PostgreSQL $data_major data, but this image runs PostgreSQL $PG_MAJOR." \
    "PostgreSQL reads only data directories of its own major version, so the data must be upgraded first." \
    "To keep using the data unchanged, run the image built with --build-arg POSTGRES_MAJOR=$data_major." \
    "To upgrade, back up $PGDATA and follow $upgrade_guide, which covers pg_upgrade and dump and restore."
}

if starts_server "$@"; then
  check_data_major
fi

exec "$official_entrypoint" "$@"
