#!/usr/bin/env bash
# Applies the idempotent migration scripts of sql-scripts.sh to a production database, before the nodes of a new
# release start (they run with Database__MigrateOnStartup=false). Safe to run again: each migration is guarded.
#   deploy/scripts/migrate.sh sqlserver  sql1.example.ma Noress        (credentials in SQLCMDUSER/SQLCMDPASSWORD)
#   deploy/scripts/migrate.sh postgresql 'host=db1 user=noress_dba dbname=noress'
# SQLite needs nothing: the embedded database migrates itself at start-up.
set -euo pipefail
cd "$(dirname "$0")/../.."
provider=${1:-}
[[ -f deploy/sql/noress-SqlServer.sql && -f deploy/sql/noress-PostgreSql.sql ]] || deploy/scripts/sql-scripts.sh
case "${provider,,}" in
  sqlserver) sqlcmd -S "$2" -d "$3" -b -i deploy/sql/noress-SqlServer.sql ;;
  postgresql) psql --set ON_ERROR_STOP=1 --single-transaction --dbname="$2" --file=deploy/sql/noress-PostgreSql.sql ;;
  *) echo "usage: migrate.sh sqlserver <server> <database> | migrate.sh postgresql <conninfo>" >&2; exit 2 ;;
esac
echo "Schema up to date."
