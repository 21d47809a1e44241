#!/usr/bin/env bash
# Restores a folder written by backup.sh (docs/runbook.md, "Backup and restore"). Stop every app node first.
#   deploy/scripts/restore.sh --from /backups/noress-2026-12-05 --database 'host=db1 user=noress dbname=noress' --files /var/lib/noress/files
#   deploy/scripts/restore.sh --from ... --server sql1 --database Noress
#   deploy/scripts/restore.sh --from ... --database /var/lib/noress/noress.db --files ...
# The provider is read from the backup's manifest; checksums are verified before anything is replaced.
# The files folder is replaced as a whole (the previous content is kept beside it as <folder>.before-restore-<time>).
set -euo pipefail

from="" database="" server="" files=""
while (($#)); do
  case "$1" in
    --from) from=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --server) server=$2; shift 2 ;;
    --files) files=$2; shift 2 ;;
    *) echo "restore.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ -f "$from/manifest" && -n "$database" ]] || { echo "restore.sh: --from (a backup folder with its manifest) and --database are required" >&2; exit 2; }
provider=$(sed -n 's/^provider=//p' "$from/manifest")
(cd "$from" && grep -E '^[0-9a-f]{64}  ' manifest | sha256sum --check --quiet)

case "$provider" in
  postgresql)
    pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$database" "$from/database.pgdump"
    ;;
  sqlserver)
    [[ -n "$server" ]] || { echo "restore.sh: SQL Server needs --server" >&2; exit 2; }
    path=$(cat "$from/database.sqlserver-path")
    sqlcmd -S "$server" -b -Q "ALTER DATABASE [$database] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; RESTORE DATABASE [$database] FROM DISK = N'$path' WITH REPLACE, CHECKSUM; ALTER DATABASE [$database] SET MULTI_USER;"
    ;;
  sqlite)
    # The app must be stopped: the old write-ahead log must not be replayed over the restored file.
    rm -f "$database-wal" "$database-shm"
    cp "$from/database.sqlite" "$database.restoring"
    mv "$database.restoring" "$database"
    ;;
  *) echo "restore.sh: the manifest names no known provider" >&2; exit 2 ;;
esac

if [[ -n "$files" && -f "$from/files.tar.gz" ]]; then
  if [[ -d "$files" ]]; then
    mv "$files" "$files.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
  fi
  mkdir -p "$files"
  tar -C "$files" -xzf "$from/files.tar.gz"
fi
echo "Restored $provider database${files:+ and files} from $from"
