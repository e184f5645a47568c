#!/usr/bin/env bash
# Benchmarks the public monitor's list page against nginx serving a byte-identical static copy, in the same run.
# Usage: bench/monitor/run.sh [projects] [duration]   (defaults: 10000 projects, 20s per wrk run)
# Needs: JDK 17, nginx and wrk (Debian packages nginx-light or nginx, wrk). Loopback only.
set -euo pipefail

PROJECTS="${1:-10000}"
DURATION="${2:-20s}"
APP_PORT="${APP_PORT:-8190}"
NGINX_PORT="${NGINX_PORT:-8191}"
EDGE_PORT="${EDGE_PORT:-8192}"
CONNECTIONS=32
THREADS=2
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/leitstand-monitor-bench.XXXXXX)"
JAR="$ROOT/target/leitstand.jar"
RESULTS="$ROOT/bench/monitor/results.txt"
APP_PID=""
NGINX_PID=""

cleanup() {
	[ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
	[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

for tool in java nginx wrk curl; do
	command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "missing: $tool" >&2; exit 1; }
done
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

if [ ! -f "$JAR" ] || [ "${BUILD:-auto}" = "always" ]; then
	(cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

# A copy, so that a build during the run cannot change the jar under the running JVMs.
cp "$JAR" "$WORK/leitstand.jar"
JAR="$WORK/leitstand.jar"

export LEITSTAND_DATA_DIR="$WORK/data"
export LEITSTAND_DEMO=true
echo "== generating $PROJECTS projects in $LEITSTAND_DATA_DIR"
java -jar "$JAR" generate --projects "$PROJECTS" --seed 2025 > "$WORK/generate.log" 2>&1 || { cat "$WORK/generate.log"; exit 1; }

# Benchmark only: publish every project with public texts derived from its title, straight in the database.
H2_JAR="$(ls "$HOME"/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | sort -V | tail -1)"
cat > "$WORK/publish.sql" <<'SQL'
update portfolio_project set published = true,
    public_title = coalesce(public_title, title),
    public_summary = coalesce(public_summary, short_description);
SQL
java -cp "$H2_JAR" org.h2.tools.RunScript \
	-url "jdbc:h2:file:$LEITSTAND_DATA_DIR/leitstand;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa \
	-script "$WORK/publish.sql"

echo "== starting Leitstand on 127.0.0.1:$APP_PORT, public listener on 127.0.0.1:$EDGE_PORT"
LEITSTAND_MONITOR_EDGE_PORT="$EDGE_PORT" java -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 \
	> "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
	# Readiness turns UP after the start-up runners, i.e. after the read model was built.
	curl -fs "http://127.0.0.1:$APP_PORT/actuator/health/readiness" >/dev/null 2>&1 && break
	kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
	sleep 1
done
URL_PATH="/monitor"
mkdir -p "$WORK/static"
curl -fs "http://127.0.0.1:$APP_PORT$URL_PATH" -o "$WORK/static/monitor.html"
PUBLISHED="$(grep -o '[0-9][0-9.]* veröffentlichte Projekte' "$WORK/static/monitor.html" | head -1 || true)"
echo "== list page: $(wc -c < "$WORK/static/monitor.html") bytes, $PUBLISHED"

cat > "$WORK/nginx.conf" <<NGINX
user root;
worker_processes auto;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx-body;
    proxy_temp_path $WORK/nginx-proxy;
    fastcgi_temp_path $WORK/nginx-fastcgi;
    uwsgi_temp_path $WORK/nginx-uwsgi;
    scgi_temp_path $WORK/nginx-scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/static;
        location = $URL_PATH {
            default_type "text/html;charset=UTF-8";
            try_files /monitor.html =404;
        }
    }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
for _ in $(seq 1 50); do
	curl -fs "http://127.0.0.1:$NGINX_PORT$URL_PATH" -o "$WORK/nginx-copy.html" && break
	sleep 0.2
done
cmp "$WORK/static/monitor.html" "$WORK/nginx-copy.html"
curl -fs "http://127.0.0.1:$APP_PORT$URL_PATH" -o "$WORK/app-copy.html"
cmp "$WORK/static/monitor.html" "$WORK/app-copy.html"
curl -fs "http://127.0.0.1:$EDGE_PORT$URL_PATH" -o "$WORK/edge-copy.html"
cmp "$WORK/static/monitor.html" "$WORK/edge-copy.html"
echo "== both serve the same $(wc -c < "$WORK/static/monitor.html") bytes"

echo "== warm-up (JIT) 10s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "http://127.0.0.1:$APP_PORT$URL_PATH" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "http://127.0.0.1:$EDGE_PORT$URL_PATH" > /dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT$URL_PATH" > /dev/null

echo "== Leitstand, public listener"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$EDGE_PORT$URL_PATH" | tee "$WORK/edge.wrk"
echo "== Leitstand, servlet port"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$APP_PORT$URL_PATH" | tee "$WORK/app.wrk"
echo "== nginx"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$NGINX_PORT$URL_PATH" | tee "$WORK/nginx.wrk"

rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1 == "99%" {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1"; }
APP_RPS="$(rps "$WORK/app.wrk")"
EDGE_RPS="$(rps "$WORK/edge.wrk")"
NGINX_RPS="$(rps "$WORK/nginx.wrk")"
RATIO="$(awk -v a="$APP_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.2f", a / n }')"
EDGE_RATIO="$(awk -v a="$EDGE_RPS" -v n="$NGINX_RPS" 'BEGIN { printf "%.2f", a / n }')"
{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -1), $("$NGINX" -v 2>&1), $(wrk -v 2>&1 | head -1)"
	echo "projects generated: $PROJECTS, all published; page: $URL_PATH, $(wc -c < "$WORK/static/monitor.html") bytes"
	echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --latency"
	echo "leitstand public listener: $EDGE_RPS req/s, p99 $(p99 "$WORK/edge.wrk") $(errors "$WORK/edge.wrk")"
	echo "leitstand servlet port:    $APP_RPS req/s, p99 $(p99 "$WORK/app.wrk") $(errors "$WORK/app.wrk")"
	echo "nginx:                     $NGINX_RPS req/s, p99 $(p99 "$WORK/nginx.wrk") $(errors "$WORK/nginx.wrk")"
	echo "ratio public listener/nginx: $EDGE_RATIO"
	echo "ratio servlet port/nginx:    $RATIO"
} | tee "$RESULTS"
