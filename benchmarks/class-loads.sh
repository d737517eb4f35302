#!/usr/bin/env bash
# Figure 1's deterministic companion: the classes the cold-start probes load, counted from -Xlog:class+load.
# Runs a --quick figure 1 with class loading logged in every JVM it starts, then prints, for the handler probe's and
# the floor probe's default-flags runs, the classes loaded (all, hidden, from a jar) and the handler's extra classes
# by package. Needs the jars of `mvn -pl benchmarks -am package -DskipTests`. Writes under target/class-loads/.
#
#   benchmarks/class-loads.sh [packages-to-show]
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/class-loads
rm -rf "$out" && mkdir -p "$out"
JAVA_TOOL_OPTIONS="-Xlog:class+load:file=$PWD/$out/%p.log:none" \
    java -jar benchmarks/target/tally-benchmarks.jar --quick --only 1 >"$out/run.out" 2>&1
# The logs in start order; the first handler/floor pair after the two AppCDS training runs is the default-flags pair.
mapfile -t logs < <(ls -tr "$out"/*.log)
# The parent JVM (io.tally.bench.Benchmarks) loads the probe classes too, for their names.
probe() { for f in "${logs[@]}"; do if grep -q "^io.tally.bench.probe.$1 source: file:" "$f" \
    && ! grep -q "^io.tally.bench.Benchmarks " "$f"; then echo "$f"; fi; done | sed -n 2p; }
handler=$(probe HandlerProbe)
floor=$(probe FloorProbe)
count() { printf '%-8s %5d classes, %5d hidden, %5d from a jar\n' "$1" "$(wc -l <"$2")" "$(grep -c '/0x' "$2")" \
    "$(grep -c ' source: \(jar:\)\?file:' "$2")"; }
count handler "$handler"
count floor "$floor"
names() { awk '{print $1}' "$1" | sed -e 's#/0x.*##' -e 's#\$\$Lambda\$[0-9]*#$$Lambda#'; }
names "$floor" | sort -u >"$out/floor.names"
names "$handler" | grep -vxFf "$out/floor.names" >"$out/extra.names" || true
echo "handler's classes the floor does not load: $(wc -l <"$out/extra.names"), by package (hidden classes under their host's):"
sed -e 's#\$.*##' -e 's#\.[^.]*$##' "$out/extra.names" | sort | uniq -c | sort -rn | head -"${1:-25}"
