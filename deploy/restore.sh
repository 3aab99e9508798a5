#!/usr/bin/env bash
# Restores a backup made by backup.sh into a new or empty database:
#   deploy/restore.sh FILE.dump DATABASE
# Creates DATABASE when it does not exist (the CMS's user needs CREATEDB for that; otherwise create
# it first as postgres with --owner) and refuses one that already has tables. Connects as the CMS
# does (DATABASE_HOST/PORT/USERNAME/PASSWORD); the restored tables belong to that user.
set -euo pipefail
file="${1:?usage: restore.sh FILE.dump DATABASE}"
database="${2:?usage: restore.sh FILE.dump DATABASE}"
[ -r "$file" ] || { echo "restore.sh: cannot read $file" >&2; exit 1; }
export PGHOST="${DATABASE_HOST:-127.0.0.1}" PGPORT="${DATABASE_PORT:-5432}" PGUSER="${DATABASE_USERNAME:-postgres}"
[ -n "${DATABASE_PASSWORD:-}" ] && export PGPASSWORD="$DATABASE_PASSWORD"
pg_restore --list "$file" >/dev/null   # a truncated or foreign file stops here

exists="$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '${database//\'/\'\'}'")"
if [ "$exists" = "1" ]; then
  tables="$(psql -d "$database" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")"
  if [ "$tables" != "0" ]; then
    echo "restore.sh: database $database already has $tables tables; restore into a new database" >&2
    exit 1
  fi
elif ! createdb "$database"; then
  echo "restore.sh: could not create $database as $PGUSER; create it as postgres first: runuser -u postgres -- createdb --owner $PGUSER $database" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$database" "$file"
echo "restored $file into $database: $(psql -d "$database" -Atc 'SELECT count(*) FROM complaints') inquiries"
