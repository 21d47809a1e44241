#!/usr/bin/env bash
# Writes idempotent SQL scripts of every migration for SQL Server and PostgreSQL into deploy/sql/
# (SQLite has no idempotent scripts; the embedded database migrates itself at start-up).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
mkdir -p deploy/sql
for provider in SqlServer PostgreSql; do
  project=src/Noress.Migrations.$provider
  dotnet ef migrations script --idempotent --project "$project" --startup-project "$project" --output "deploy/sql/noress-$provider.sql"
done
echo "Scripts written to deploy/sql/"
