#!/usr/bin/env bash
# Before and after in one run: the benchmarks of a baseline revision and of the current working tree, alternately,
# on the same machine, combined into one Markdown table (docs/PERFORMANCE.md, "Before and after").
#
#   benchmarks/before-after.sh <git-rev> [--only 1,2,7] [--rounds 3] [--keep] [-- <benchmark options>]
#
#   <git-rev>     the baseline: any commit-ish (a sha, HEAD~2, a branch)
#   --only LIST   the figures (default 1,2,7: cold start, warm latency, cost). Both jars get the same list; an older
#                 jar skips numbers it does not know, and the table shows "-" for its missing rows
#   --rounds N    rounds (default 3); each runs the baseline's jar, then the current one
#   --keep        keep the baseline's worktree (and its build) for the next call instead of removing it
#   -- ...        passed to both jars, e.g. `-- --quick` for the smoke sizes
#
# Environment: MVN_FLAGS (extra Maven flags, e.g. -o when offline).
# Everything stays inside the checkout: the baseline is a git worktree at target/baseline-<sha> (its node_modules a
# link to this checkout's), Maven's temporary files go to target/mvn-tmp, the outputs and the combined table to
# target/before-after/<time>-<sha>/ (report.md; target/before-after/latest.md is a copy). Never `mvn install`.
set -euo pipefail

die() { echo "before-after: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "usage: benchmarks/before-after.sh <git-rev> [--only 1,2,7] [--rounds 3] [--keep] [-- <benchmark options>]"
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
rev=$1
shift
figures=1,2,7
rounds=3
keep=0
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) figures=${2:?--only needs a list}; shift 2 ;;
    --rounds) rounds=${2:?--rounds needs a number}; shift 2 ;;
    --keep) keep=1; shift ;;
    --) shift; bench_args=("$@"); break ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive number"
[[ "$figures" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--only takes figure numbers like 1,2,7"

sha=$(git rev-parse --verify --quiet "$rev^{commit}") || die "no such revision: $rev"
short=$(git rev-parse --short=10 "$sha")
git show "$sha:benchmarks/src/main/java/io/tally/bench/Benchmarks.java" 2>/dev/null | grep -q '"--only"' \
  || die "$rev has no benchmarks jar that takes --only (benchmarks/.../Benchmarks.java); pick a later baseline"
[ -f node_modules/dynalite/cli.js ] || die "dynalite is missing: run npm ci here first"

base="$root/target/baseline-$short"
tmp="$root/target/mvn-tmp"
mkdir -p "$tmp"
export MAVEN_OPTS="${MAVEN_OPTS:-} -Djava.io.tmpdir=$tmp"
mvn_package() { # the benchmark jar and what it needs (the Lambda jar, the probes), in the current directory
  # shellcheck disable=SC2086
  mvn -B -ntp -q ${MVN_FLAGS:-} -pl benchmarks -am package -DskipTests >&2 # standard output is the table's
}

# ---- the baseline's worktree and build --------------------------------------------------------------
if [ -e "$base/.git" ]; then
  [ "$(git -C "$base" rev-parse HEAD)" = "$sha" ] || die "$base exists at another commit; remove it (git worktree remove --force $base)"
  echo "before-after: reusing the worktree $base" >&2
else
  git worktree add --detach "$base" "$sha" >&2
fi
cleanup() {
  if [ "$keep" = 0 ] && [ -e "$base/.git" ]; then
    git worktree remove --force "$base" && echo "before-after: removed the worktree $base" >&2
  fi
}
trap cleanup EXIT
[ -e "$base/node_modules" ] || ln -s "$(readlink -f "$root/node_modules")" "$base/node_modules"

echo "before-after: building the baseline $short ($rev) in $base" >&2
(cd "$base" && mvn_package) || die "the baseline's build failed"
echo "before-after: building the current working tree" >&2
mvn_package || die "the current build failed"
jar=benchmarks/target/tally-benchmarks.jar
[ -f "$base/$jar" ] || die "the baseline's build made no $jar"

# ---- the rounds -----------------------------------------------------------------------------------------
current=$(git rev-parse --short=10 HEAD)
# (a node_modules link, as worktrees have, is not a change: the ignore rule node_modules/ only matches a directory)
[ -z "$(git status --porcelain | grep -vx '?? node_modules')" ] || current="$current + uncommitted changes"
out="$root/target/before-after/$(date -u +%Y%m%dT%H%M%SZ)-$short"
mkdir -p "$out"
run() { # side round dir
  local side=$1 round=$2 dir=$3 started
  started=$(date +%s)
  echo "before-after: round $round/$rounds, $side ($dir), figures $figures ${bench_args[*]:-}" >&2
  if (cd "$dir" && java -jar "$jar" --only "$figures" "${bench_args[@]}") >"$out/$side-$round.md" 2>"$out/$side-$round.log"; then
    echo "before-after:   done in $(( $(date +%s) - started )) s" >&2
  else
    echo "before-after:   FAILED after $(( $(date +%s) - started )) s (see $out/$side-$round.log)" >&2
  fi
}
for round in $(seq 1 "$rounds"); do
  run before "$round" "$base"
  run after "$round" "$root"
done

java -cp "$jar" io.tally.bench.BeforeAfter "$out" "$rounds" "\`$short\` ($rev)" "\`$current\` (working tree)" >"$out/report.md"
cp "$out/report.md" "$root/target/before-after/latest.md"
cat "$out/report.md"
echo "before-after: written to $out/report.md (raw outputs and logs next to it)" >&2
