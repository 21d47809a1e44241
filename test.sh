#!/usr/bin/env bash
# Runs every test project of Noress.sln against a throwaway PostgreSQL server, a throwaway Redis server and a
# throwaway clamd (ClamAV's scanner), all on free loopback ports, all removed on exit (success, failure or Ctrl-C).
#   ./test.sh                      build once (Release) and run all tests
#   ./test.sh --filter Name~Redis  extra arguments go to each `dotnet test`
# Environment given to the tests: NORESS_TEST_POSTGRES, NORESS_TEST_REDIS, NORESS_TEST_CLAMAV, NORESS_CHROMIUM, NORESS_NGINX.
# Results: console output plus TestResults/<Project>.trx; exit code non-zero when any project fails.
set -euo pipefail
cd "$(dirname "$0")"

configuration=${CONFIGURATION:-Release}
started=$SECONDS
work=$(mktemp -d -t noress-test.XXXXXX)
pgdir=""
pgbin=""
redis_pidfile="$work/redis.pid"
clamd_pidfile="$work/clamd.pid"

log() { printf '\e[1m[test.sh]\e[0m %s\n' "$*"; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -f "$redis_pidfile" ]]; then
    kill "$(cat "$redis_pidfile")" 2>/dev/null || true
  fi
  if [[ -f "$clamd_pidfile" ]]; then
    kill "$(cat "$clamd_pidfile")" 2>/dev/null || true
  fi
  if [[ -n "$pgdir" && -f "$pgdir/data/postmaster.pid" ]]; then
    as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work" ${pgdir:+"$pgdir"}
  log "finished with exit code $status in $((SECONDS - started)) s"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    local port
    while :; do
      port=$((20000 + RANDOM % 40000))
      ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
    done
  fi
}

install_missing() {
  local packages=()
  command -v chromium >/dev/null || packages+=(chromium)
  command -v redis-server >/dev/null || packages+=(redis-server)
  [[ -x /usr/sbin/clamd ]] || packages+=(clamav-daemon)
  # The documents editor bundle is built by npm and esbuild during the .NET build.
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
  compgen -G '/usr/lib/postgresql/*/bin' >/dev/null || packages+=(postgresql)
  # The scale-out test puts two app nodes behind Debian's nginx; its backup test uses sqlite3.
  [[ -x /usr/sbin/nginx ]] || packages+=(nginx)
  command -v sqlite3 >/dev/null || packages+=(sqlite3)
  ((${#packages[@]})) || return 0
  log "installing ${packages[*]}"
  local sudo=()
  [[ $EUID -eq 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get install -y -q "${packages[@]}" \
    || { "${sudo[@]}" apt-get update -q && "${sudo[@]}" apt-get install -y -q "${packages[@]}"; }
}

start_postgres() {
  pgbin=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)
  pgdir=$(mktemp -d -t noress-pg.XXXXXX)
  [[ $EUID -ne 0 ]] || chown postgres: "$pgdir"
  local port
  port=$(free_port)
  as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log"
  # Many test hosts run at once, each with a connection pool and Hangfire workers.
  as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/pg.log" -w \
    -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  export NORESS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

start_redis() {
  local port
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work" \
    --daemonize yes --pidfile "$redis_pidfile" --logfile "$work/redis.log"
  for _ in $(seq 100); do
    [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]] && break
    sleep 0.1
  done
  [[ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" == PONG ]] || { cat "$work/redis.log"; exit 1; }
  export NORESS_TEST_REDIS="127.0.0.1:$port"
  log "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on $NORESS_TEST_REDIS"
}

# clamd's protocol over TCP from bash alone: a NUL-terminated command, a NUL-terminated reply.
# A subshell, so a refused connection cannot end the script.
clamd_ping() (
  reply=""
  exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
  printf 'zPING\0' >&3
  IFS= read -r -d '' -t 2 reply <&3 || true
  [[ "$reply" == PONG ]]
)

# Signature databases cannot be downloaded here, so clamd gets one local signature: the EICAR test string
# (a harmless, industry-standard test file) anywhere in a file, as a ClamAV body signature (.ndb).
start_clamd() {
  local port eicar hex
  port=$(free_port)
  mkdir -p "$work/clamav-db"
  eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
  hex=$(printf '%s' "$eicar" | od -An -tx1 | tr -d ' \n')
  printf 'Noress-Test-Eicar:0:*:%s\n' "$hex" >"$work/clamav-db/noress-test.ndb"
  printf '%s\n' "Foreground no" "PidFile $clamd_pidfile" "LogFile $work/clamd.log" \
    "DatabaseDirectory $work/clamav-db" "TCPSocket $port" "TCPAddr 127.0.0.1" >"$work/clamd.conf"
  /usr/sbin/clamd -c "$work/clamd.conf" || { cat "$work/clamd.log" 2>/dev/null; exit 1; }
  for _ in $(seq 100); do
    clamd_ping "$port" 2>/dev/null && break
    sleep 0.1
  done
  clamd_ping "$port" 2>/dev/null || { cat "$work/clamd.log"; exit 1; }
  export NORESS_TEST_CLAMAV="tcp://127.0.0.1:$port"
  log "clamd $(/usr/sbin/clamd --version | awk '{print $2}' | cut -d/ -f1) on 127.0.0.1:$port (local EICAR signature)"
}

install_missing
start_postgres
start_redis
start_clamd
export NORESS_CHROMIUM=${NORESS_CHROMIUM:-/usr/bin/chromium}
export NORESS_NGINX=${NORESS_NGINX:-/usr/sbin/nginx}

# A test project missing from the solution would silently never run.
solution_projects=$(dotnet sln Noress.sln list)
test_projects=()
for project in $(grep -l 'Microsoft.NET.Test.Sdk' tests/*/*.csproj | sort); do
  grep -qxF "$project" <<<"$solution_projects" || { log "$project is not in Noress.sln"; exit 1; }
  test_projects+=("$project")
done

log "building Noress.sln ($configuration)"
dotnet build Noress.sln -c "$configuration" -nologo -v quiet

rm -rf TestResults
failed=()
# The editor script's pure parts (collab loop, local storage, line direction); the build ran npm ci.
log "testing the documents editor script"
(cd src/Noress.App/Documents/Editor/js && node --test test/) || failed+=("documents-editor-js")
for project in "${test_projects[@]}"; do
  name=$(basename "$project" .csproj)
  log "testing $name"
  # The hang timeout only stops a stuck run (with a dump) instead of blocking CI forever; it counts from the last test
  # that finished, so it is well above the longest test (the accessibility sweep's half, about 9 minutes).
  set +e
  dotnet test "$project" -c "$configuration" --no-build --nologo \
    --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory TestResults \
    --blame-hang-timeout 25m "$@" 2>&1 | tee "$work/$name.log"
  status=${PIPESTATUS[0]}
  set -e
  ((status == 0)) || failed+=("$name")
done
find TestResults -mindepth 1 -type d -empty -delete 2>/dev/null || true

if ((${#failed[@]})); then
  # Repeat each failure with its message at the end, where a truncated CI log still shows it.
  for name in "${failed[@]}"; do
    [[ -f "$work/$name.log" ]] || continue
    log "failures in $name:"
    grep -a -E -A 15 '^\s+Failed [A-Za-z]|Test Run Aborted|The active test run was aborted' "$work/$name.log" | head -n 150 || true
  done
  log "FAILED: ${failed[*]} (details above and in TestResults/*.trx)"
  exit 1
fi
log "all test projects passed: ${test_projects[*]}"
