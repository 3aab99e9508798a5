#!/usr/bin/env bash
# Backs up the PostgreSQL database with pg_dump (custom format, consistent while the system runs)
# into BACKUP_DIR, removes backups older than BACKUP_KEEP_DAYS, and prints the file it wrote.
# Reads the CMS's variables: DATABASE_URL, or DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD.
set -euo pipefail
: "${BACKUP_DIR:?set BACKUP_DIR to the folder for the backups}"
keep_days="${BACKUP_KEEP_DAYS:-30}"
name="${DATABASE_NAME:-borgerraadgiver}"
if [ -n "${DATABASE_URL:-}" ]; then
  target="$DATABASE_URL"
  name="$(basename "${DATABASE_URL%%\?*}")"
else
  export PGHOST="${DATABASE_HOST:-127.0.0.1}" PGPORT="${DATABASE_PORT:-5432}" PGUSER="${DATABASE_USERNAME:-postgres}"
  [ -n "${DATABASE_PASSWORD:-}" ] && export PGPASSWORD="$DATABASE_PASSWORD"
  target="$name"
fi
mkdir -p "$BACKUP_DIR"
umask 077
file="$BACKUP_DIR/$name-$(date -u +%Y%m%dT%H%M%SZ).dump"
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" "$target"
mv "$file.partial" "$file"
find "$BACKUP_DIR" -maxdepth 1 -name "$name-*.dump" -mtime "+$keep_days" -delete
echo "$file"
