#!/usr/bin/env bash
# Times the first start on a database with N newly published projects: until readiness is UP, i.e. until the
# start-up runners built the public monitor's read model. No load tools needed.
# Usage: bench/readmodel/run.sh [projects]   (default 10000)
#   KEEP_DATA=dir  reuse (or create once) the generated, published database in dir; every run starts from a copy
# The application's log is left in target/readmodel-app.log.
set -euo pipefail

PROJECTS="${1:-10000}"
APP_PORT="${APP_PORT:-8192}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/leitstand-readmodel-bench.XXXXXX)"
JAR="$ROOT/target/leitstand.jar"
APP_PID=""

cleanup() {
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -f "$JAR" ] || [ "${BUILD:-auto}" = "always" ]; then
	(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
cp "$JAR" "$WORK/leitstand.jar"
JAR="$WORK/leitstand.jar"
export LEITSTAND_DEMO=true

SEED_DATA="${KEEP_DATA:-$WORK/seed}"
if [ ! -f "$SEED_DATA/leitstand.mv.db" ]; then
	mkdir -p "$SEED_DATA"
	echo "== generating $PROJECTS projects in $SEED_DATA"
	LEITSTAND_DATA_DIR="$SEED_DATA" java -jar "$JAR" generate --projects "$PROJECTS" --seed 2025 \
		> "$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }
	# Benchmark only: publish every project with public texts derived from its internal ones, straight in the database.
	H2_JAR="$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | sort -V | tail -1)"
	cat > "$WORK/publish.sql" <<'SQL'
update portfolio_project set published = true,
    public_title = coalesce(public_title, title),
    public_summary = coalesce(public_summary, short_description);
SQL
	java -cp "$H2_JAR" org.h2.tools.RunScript \
		-url "jdbc:h2:file:$SEED_DATA/leitstand;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa \
		-script "$WORK/publish.sql"
fi
# Every measured start begins from the same state: published in the portfolio, not yet in the read model.
cp -r "$SEED_DATA" "$WORK/data"
export LEITSTAND_DATA_DIR="$WORK/data"

echo "== starting Leitstand on 127.0.0.1:$APP_PORT"
START=$(date +%s.%N)
java -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1; do
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 0.5
done
READY=$(date +%s.%N)
cp "$WORK/app.log" "$ROOT/target/readmodel-app.log"
PUBLISHED="$(curl -fs "http://127.0.0.1:$APP_PORT/monitor" | grep -o '[0-9][0-9.]* veröffentlichte Projekte' | head -1 || true)"
echo "== read-model log lines:"
grep -E "Public monitor read model|Started Leitstand|public_project" "$WORK/app.log" || true
awk -v s="$START" -v r="$READY" -v p="$PUBLISHED" \
	'BEGIN { printf "== start to readiness UP: %.1f s (%s)\n", r - s, p }'
