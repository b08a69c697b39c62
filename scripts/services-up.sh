#!/usr/bin/env bash
# Makes sure PostgreSQL and NATS (with JetStream) are installed, running and answering on
# 127.0.0.1, so that migrations, tests, the benchmark and the services can use them, and that
# Chromium is installed for the workbench's browser tests (headless, driven by playwright-core).
#
#   bash scripts/services-up.sh
#
# On Debian/Ubuntu it installs what is missing (postgresql, postgresql-contrib, nats-server, and
# Debian's chromium when `command -v chromium` finds none; a Chromium it cannot install, or one
# missing without apt-get, is only reported: the services do not need it), starts the PostgreSQL
# cluster with pg_ctlcluster and NATS with deploy/nats/dev.conf, then
# checks that user postgres can log in over TCP without a password (trust auth), and adds a
# pg_hba.conf line for 127.0.0.1 if it cannot. Idempotent: what already runs is left alone.
#
# Environment: PG_HOST (127.0.0.1), PG_PORT (5432), NATS_HOST (127.0.0.1), NATS_PORT (4222),
# NATS_STORE_DIR and NATS_LOG (default /var/lib/nats-server and /var/log/nats-server.log as
# root, var/nats and var/nats-server.log in the repository otherwise).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
NATS_HOST="${NATS_HOST:-127.0.0.1}"
NATS_PORT="${NATS_PORT:-4222}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
  NATS_STORE_DIR="${NATS_STORE_DIR:-/var/lib/nats-server}"
  NATS_LOG="${NATS_LOG:-/var/log/nats-server.log}"
else
  SUDO=(sudo -n)
  NATS_STORE_DIR="${NATS_STORE_DIR:-$ROOT/var/nats}"
  NATS_LOG="${NATS_LOG:-$ROOT/var/nats-server.log}"
fi

say() { printf '[services-up] %s\n' "$*"; }
die() { printf '[services-up] ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. packages -------------------------------------------------------------------------------

pg_server_installed() {
  command -v pg_ctlcluster >/dev/null 2>&1 && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}
nats_path() {
  if command -v nats-server >/dev/null 2>&1; then command -v nats-server
  elif [ -x /usr/sbin/nats-server ]; then echo /usr/sbin/nats-server
  else return 1
  fi
}

missing=()
pg_server_installed || missing+=(postgresql postgresql-contrib)
command -v pgbench >/dev/null 2>&1 || pg_server_installed || missing+=(postgresql-contrib)
nats_path >/dev/null || missing+=(nats-server)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 ||
    die "missing ${missing[*]} and no apt-get: install PostgreSQL 15+ and NATS 2.9+ yourself (or use docker-compose.yml)"
  say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
NATS_BIN="$(nats_path)" || die "nats-server not found after installation"

# The workbench's browser tests need Chromium; the services do not, so a Chromium that cannot be
# installed is reported, not fatal.
if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    say "installing chromium (apt-get) for the browser tests"
    export DEBIAN_FRONTEND=noninteractive
    { "${SUDO[@]}" apt-get update -q && "${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium; } ||
      say "WARNING: could not install chromium: the browser tests need it (install Chromium as \`chromium\`)"
  else
    say "WARNING: no chromium on PATH and no apt-get: the browser tests need it (install Chromium as \`chromium\`)"
  fi
fi
if command -v chromium >/dev/null 2>&1; then say "Chromium for the browser tests: $(command -v chromium)"; fi

# --- 2. PostgreSQL -----------------------------------------------------------------------------

pg_answers() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1; }

# The cluster listening on PG_PORT (pg_lsclusters columns: version cluster port status ...).
pg_cluster() {
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port { print $1, $2; exit }'
}

if pg_answers; then
  say "PostgreSQL answers on $PG_HOST:$PG_PORT"
else
  read -r pg_version pg_name <<<"$(pg_cluster)" || true
  if [ -z "${pg_version:-}" ]; then
    # A fresh install normally creates a cluster; create one if it did not (policy-rc.d etc.).
    pg_version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -n | tail -1)"
    pg_name=main
    say "creating PostgreSQL cluster $pg_version/$pg_name on port $PG_PORT"
    "${SUDO[@]}" pg_createcluster "$pg_version" "$pg_name" -p "$PG_PORT"
  fi
  say "starting PostgreSQL cluster $pg_version/$pg_name"
  "${SUDO[@]}" pg_ctlcluster --skip-systemctl-redirect "$pg_version" "$pg_name" start || true
  for _ in $(seq 1 60); do
    pg_answers && break
    sleep 1
  done
  pg_answers || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT after 60 s (see /var/log/postgresql/)"
  say "PostgreSQL answers on $PG_HOST:$PG_PORT"
fi

# Trust auth for user postgres over TCP from 127.0.0.1 (DATABASE_URL has no password).
pg_trusts() { psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1; }
if ! pg_trusts; then
  [ "$PG_HOST" = 127.0.0.1 ] || die "cannot log in as postgres on $PG_HOST:$PG_PORT without a password; set DATABASE_URL with credentials"
  # Ask the server (over its Unix socket, as the postgres OS user) where its pg_hba.conf is.
  as_postgres=("${SUDO[@]}" runuser -u postgres --)
  [ "$(id -u)" -eq 0 ] || as_postgres=(sudo -n -u postgres)
  hba="$("${as_postgres[@]}" psql -p "$PG_PORT" -Atqc 'SHOW hba_file')" ||
    die "cannot log in as postgres on 127.0.0.1:$PG_PORT and cannot reach the server as the postgres OS user to fix pg_hba.conf"
  say "adding trust for 127.0.0.1 to $hba (development machine)"
  # First matching line wins, so the trust line goes before the distribution's defaults.
  line="host    all    all    127.0.0.1/32    trust    # added by scripts/services-up.sh"
  "${SUDO[@]}" sed -i "1i $line" "$hba"
  "${as_postgres[@]}" psql -p "$PG_PORT" -Atqc 'SELECT pg_reload_conf()' >/dev/null
  sleep 1
  pg_trusts || die "still cannot log in as postgres on 127.0.0.1:$PG_PORT after editing $hba"
fi
say "user postgres logs in on $PG_HOST:$PG_PORT without a password"

# --- 3. NATS with JetStream --------------------------------------------------------------------

# The first thing a NATS server sends is `INFO {json}`; it contains "jetstream":true when
# JetStream is enabled. Read it with bash's /dev/tcp (no curl or nc needed).
nats_info() {
  local line=''
  { exec 3<>"/dev/tcp/$NATS_HOST/$NATS_PORT"; } 2>/dev/null || return 1
  IFS= read -r -t 2 line <&3 || true
  exec 3<&- 3>&-
  [ -n "$line" ] || return 1
  printf '%s\n' "$line"
}

if info="$(nats_info)"; then
  say "NATS answers on $NATS_HOST:$NATS_PORT"
else
  say "starting NATS ($NATS_BIN, deploy/nats/dev.conf, store $NATS_STORE_DIR)"
  mkdir -p "$NATS_STORE_DIR" "$(dirname "$NATS_LOG")"
  nats_args=(-c "$ROOT/deploy/nats/dev.conf" -a "$NATS_HOST" -p "$NATS_PORT" -js -sd "$NATS_STORE_DIR" -l "$NATS_LOG")
  # A session of its own, so that it outlives this script and the CI job's process group.
  setsid nohup "$NATS_BIN" "${nats_args[@]}" </dev/null >/dev/null 2>&1 &
  disown || true
  info=''
  for _ in $(seq 1 30); do
    info="$(nats_info)" && break
    sleep 1
  done
  [ -n "$info" ] || die "NATS does not answer on $NATS_HOST:$NATS_PORT after 30 s (see $NATS_LOG)"
  say "NATS answers on $NATS_HOST:$NATS_PORT"
fi
case "$info" in
  *'"jetstream":true'*) say "NATS has JetStream enabled" ;;
  *) die "a NATS server on $NATS_HOST:$NATS_PORT runs without JetStream: restart it with -js (or with deploy/nats/dev.conf)" ;;
esac

say "ready: postgres://postgres@$PG_HOST:$PG_PORT  nats://$NATS_HOST:$NATS_PORT"
