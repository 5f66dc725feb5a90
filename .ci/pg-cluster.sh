#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the advice-records server tests, with TLS and passwords.
#
#   .ci/pg-cluster.sh start DIR   # make and start it in DIR (as root: one the postgres user
#                                 # can enter); prints KEY=VALUE lines to export
#   .ci/pg-cluster.sh stop DIR    # stop it (DIR can then be deleted)
#
# It uses Debian's packaged binaries (/usr/lib/postgresql/*/bin) or pg_config's. As root it runs
# them as the `postgres` user (PostgreSQL refuses to run as root). TCP on 127.0.0.1 only, on a
# free port, hostssl only (no plain connections), SCRAM passwords; a CA and a server certificate
# for `localhost` are made with openssl, so clients connect with sslmode=verify-full.
# The tests (tests/records/server/) read the printed variables; without them they start a
# cluster of their own with this script.
set -euo pipefail

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$found" ]] && command -v pg_config >/dev/null; then found=$(pg_config --bindir); fi
    [[ -n "$found" && -x "$found/initdb" ]] || { echo "no PostgreSQL binaries found" >&2; exit 3; }
    echo "$found"
}

# run a command as the cluster's owner (postgres when we are root, else ourselves)
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

make_certs() {  # DIR: a CA, and a server certificate for localhost / 127.0.0.1 signed by it
    local d=$1
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Purdah Wizard test CA" \
        -keyout "$d/ca.key" -out "$d/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
        -keyout "$d/server.key" -out "$d/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$d/san.ext"
    openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
        -days 2 -extfile "$d/san.ext" -out "$d/server.crt" 2>/dev/null
    chmod 600 "$d/server.key" "$d/ca.key"
}

start() {
    local dir=$1 bin port password
    bin=$(bindir)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$dir"; then
        echo "$dir is out of the postgres user's reach: use a folder it can enter" >&2; exit 2
    fi
    port=$(free_port)
    password=$(openssl rand -hex 16)
    make_certs "$dir"
    printf '%s\n' "$password" >"$dir/pwfile"
    chmod 600 "$dir/pwfile"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$dir"; chmod 755 "$dir"; chmod 644 "$dir/ca.crt"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -E UTF8 \
        --locale=C.UTF-8 --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$dir/initdb.log"
    rm -f "$dir/pwfile"
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
max_connections = 60
fsync = off
EOF
    cat >"$dir/data/pg_hba.conf" <<EOF
local   all all                scram-sha-256
hostssl all all 127.0.0.1/32   scram-sha-256
EOF
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null
    cat <<EOF
PURDAH_TEST_PG_BIN=$bin
PURDAH_TEST_PG_DIR=$dir
PURDAH_TEST_PG_HOST=localhost
PURDAH_TEST_PG_PORT=$port
PURDAH_TEST_PG_CA=$dir/ca.crt
PURDAH_TEST_PG_SUPERUSER=postgres
PURDAH_TEST_PG_PASSWORD=$password
EOF
}

stop() {
    local dir=$1
    [[ -d "$dir/data" ]] || return 0
    as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
    start) start "${2:?a folder}" ;;
    stop) stop "${2:?a folder}" ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
