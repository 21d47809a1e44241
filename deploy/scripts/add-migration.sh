#!/usr/bin/env bash
# Adds one migration, with the same name, to the SQLite, SQL Server and PostgreSQL migration projects.
# usage: deploy/scripts/add-migration.sh MigrationName
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
dotnet build src/Noress.App -v q -nologo >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=src/Noress.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations --no-build 2>&1 \
    || dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
