#!/bin/sh
# The official entrypoint sources (rather than runs) *.sh files without the executable bit, so
# docker_process_sql from that entrypoint is defined here and talks to its initialisation server.
# POSTGRES_DB already exists at this point, so changing template1 affects only databases created
# afterwards. Clearing POSTGRES_DB stops docker_process_sql from adding its own --dbname.
POSTGRES_DB= docker_process_sql --dbname template1 -f /docker-entrypoint-initdb.d/10-pg-trgm.sql
