#!/usr/bin/env bash
# Backs up the NORESS database and the uploaded files into one folder (docs/runbook.md, "Backup and restore").
#   deploy/scripts/backup.sh --provider postgresql --database 'host=db1 user=noress dbname=noress' --files /var/lib/noress/files --out /backups/noress-2026-12-05
#   deploy/scripts/backup.sh --provider sqlserver  --server sql1 --database Noress --server-path 'D:\Backups\noress.bak' --files ... --out ...
#   deploy/scripts/backup.sh --provider sqlite     --database /var/lib/noress/noress.db --files ... --out ...
# PostgreSQL: pg_dump's custom format (compressed, restorable table by table); the password from PGPASSWORD or ~/.pgpass.
# SQL Server: BACKUP DATABASE ... WITH COPY_ONLY, CHECKSUM through sqlcmd (credentials in SQLCMDUSER/SQLCMDPASSWORD);
#   the .bak is written by the SQL Server on its own disk (--server-path), not copied here.
# SQLite: the online backup API (sqlite3 .backup), consistent while the app runs in WAL mode.
# Files: a tar of Storage:Root. The database first, then the files: a file newer than the database is harmless
# (no row points to it), a row without its file is not. A manifest with checksums ends the folder.
set -euo pipefail

provider="" database="" server="" server_path="" files="" out=""
while (($#)); do
  case "$1" in
    --provider) provider=${2,,}; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
    --server-path) server_path=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "backup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -n "$provider" && -n "$database" && -n "$out" ]] || { echo "backup.sh: --provider, --database and --out are required" >&2; exit 2; }
mkdir -p "$out"

case "$provider" in
  postgresql)
    pg_dump --format=custom --no-owner --file="$out/database.pgdump" --dbname="$database"
    ;;
  sqlserver)
    [[ -n "$server" && -n "$server_path" ]] || { echo "backup.sh: SQL Server needs --server and --server-path" >&2; exit 2; }
    sqlcmd -S "$server" -b -Q "BACKUP DATABASE [$database] TO DISK = N'$server_path' WITH COPY_ONLY, CHECKSUM, INIT, COMPRESSION"
    printf '%s\n' "$server_path" >"$out/database.sqlserver-path"
    ;;
  sqlite)
    sqlite3 "$database" ".backup '$out/database.sqlite'"
    sqlite3 "$out/database.sqlite" "PRAGMA integrity_check;" | grep -qx ok
    ;;
  *) echo "backup.sh: provider must be postgresql, sqlserver or sqlite" >&2; exit 2 ;;
esac

if [[ -n "$files" ]]; then
  tar -C "$files" -czf "$out/files.tar.gz" .
fi

{
  echo "provider=$provider"
  echo "taken=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  (cd "$out" && find . -maxdepth 1 -type f ! -name manifest -printf '%f\n' | sort | xargs -r sha256sum)
} >"$out/manifest"
echo "Backup written to $out"
