# Source this (bash): a throwaway PostgreSQL for the records-server tests (tests/records/server).
# Installs Debian's `postgresql` if its binaries are missing (needs root, as CI is), starts a
# cluster with TLS in a temp folder on a free local port (.ci/pg-cluster.sh), exports
# PURDAH_TEST_PG_* for the tests, and stops and removes it when the sourcing shell exits.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
        echo "WARNING: no PostgreSQL and not root: the records-server tests will be SKIPPED" >&2
    fi
fi
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    PURDAH_PG_TMP=$(mktemp -d)
    chmod 755 "$PURDAH_PG_TMP"  # the postgres user runs the cluster in it
    trap '.ci/pg-cluster.sh stop "$PURDAH_PG_TMP/pg"; rm -rf "$PURDAH_PG_TMP"' EXIT
    set -a
    eval "$(.ci/pg-cluster.sh start "$PURDAH_PG_TMP/pg")"
    set +a
    echo "PostgreSQL for the tests on port $PURDAH_TEST_PG_PORT (TLS, $PURDAH_PG_TMP/pg)" >&2
fi
