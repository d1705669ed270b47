#!/bin/sh
# Docker HEALTHCHECK of the marketplace-db image. It reads the port and socket directory of the
# running server from postmaster.pid in PGDATA. So a port set in the server arguments (paictl
# passes "-c port=9291") or in postgresql.conf is honoured.
#
# postmaster.pid layout, the same from PostgreSQL 10 to 18: line 4 is the port, line 5 the first
# Unix socket directory, line 6 the first TCP listen address (empty when none).
set -eu

pid_file="${PGDATA:-/var/lib/postgresql/data}/postmaster.pid"

if [ ! -r "$pid_file" ]; then
  echo "marketplace-db healthcheck: $pid_file not found, so no PostgreSQL server is running yet" >&2
  exit 1
fi

port=$(sed -n 4p "$pid_file" | tr -d '[:space:]')
socket_dir=$(sed -n 5p "$pid_file" | tr -d '[:space:]')
listen_address=$(sed -n 6p "$pid_file" | tr -d '[:space:]')

if [ -z "$port" ]; then
  echo "marketplace-db healthcheck: $pid_file contains no port yet, so the server is still starting" >&2
  exit 1
fi

# The official entrypoint runs init scripts on a temporary server with listen_addresses='', which
# clients of the database cannot reach. Reporting healthy then would be premature.
if [ -z "$listen_address" ]; then
  echo "marketplace-db healthcheck: the server listens on no TCP address, so the entrypoint is still initialising the database" >&2
  exit 1
fi

# Connect as a role that exists, so each check does not log "role does not exist" on the server.
user="${POSTGRES_USER:-postgres}"
exec pg_isready --quiet --host="${socket_dir:-127.0.0.1}" --port="$port" \
  --username="$user" --dbname="${POSTGRES_DB:-$user}"
