#!/usr/bin/env bash
# Benchmark of issue 7 (province scale). See BENCHMARKS.md for what each row means.
#
#   scripts/bench.sh                 # progress on stderr, Markdown results on stdout
#   scripts/bench.sh > results.md    # ... ready to paste into BENCHMARKS.md
#
# What it does:
#   1. builds `baocao` and the examples `gen` and `parse_floor` in release mode;
#   2. generates synthetic data folders (examples/gen/) of 1,000 and 10,000 units x 45
#      tasks, two periods (2024-Q1, 2024-6T) of submissions each, under $BENCH_DIR; a folder
#      is reused when its `.gen` marker matches the generator, size and seed;
#   3. measures with /usr/bin/time -v, $RUNS times each:
#        parse floor   target/release/examples/parse_floor --data DIR
#        check         baocao check --data DIR
#        build 6T      baocao build --ky 2024-6T --data DIR --out OUT   (JSON + DOCX + XLSX)
#      and, on the repository's sample data (data/, four periods):
#        parse floor, check, and build of all four periods;
#      and workbooks against YAML: one period (2024-6T) of $WORKBOOKS units generated twice,
#      in YAML and with `gen --workbooks` (every submission without an injected fault a
#      filled .xlsx form), parse floor and check on each;
#   4. prints one Markdown table (median wall time, median user+system CPU time, median max
#      RSS of the runs; each column's median is taken separately), the targets of issue 7,
#      and the workbook/YAML comparison per file read.
#
# Settings (environment variables):
#   SIZES="1000 10000"        units of the generated folders
#   TASKS=45                  tasks of the generated plan
#   SEED=1                    generator seed
#   RUNS=3                    runs per measurement
#   WORKBOOKS=1000            units of the workbook/YAML comparison (0: leave it out)
#   BENCH_DIR=/tmp/baocao-bench   data folders, outputs and logs
#   LABEL=""                  free text printed in the header (e.g. the commit measured)
#
# Plain bash + coreutils + awk + /usr/bin/time (Debian package `time`); nothing else.
# The runs are sequential; other load on the machine skews them, so the header says how
# busy the machine was just before (a 2-second sample of /proc/stat) and the load average.
set -euo pipefail

SIZES=${SIZES:-"1000 10000"}
TASKS=${TASKS:-45}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
WORKBOOKS=${WORKBOOKS:-1000}
BENCH_DIR=${BENCH_DIR:-/tmp/baocao-bench}
LABEL=${LABEL:-}
PERIODS=2024-Q1,2024-6T
BUILD_KY=2024-6T

cd "$(dirname "$0")/.."
REPO=$(pwd)
BIN=$REPO/target/release/baocao
GEN=$REPO/target/release/examples/gen
FLOOR=$REPO/target/release/examples/parse_floor
TIME=/usr/bin/time

log() { printf '%s\n' "$*" >&2; }
die() {
    log "bench: $*"
    exit 1
}

[ -x "$TIME" ] || die "$TIME is missing (Debian: apt-get install time)"
mkdir -p "$BENCH_DIR/logs"

# --- 1. build ------------------------------------------------------------------------
log "== building (release)"
cargo build --release --bin baocao --example gen >&2 || die "cargo build failed"
FLOOR_NOTE=""
if [ -f examples/parse_floor.rs ]; then
    if ! cargo build --release --example parse_floor >&2; then
        FLOOR_NOTE="examples/parse_floor.rs does not build"
    fi
else
    FLOOR_NOTE="examples/parse_floor.rs does not exist yet"
fi
[ -n "$FLOOR_NOTE" ] && log "bench: parse floor skipped: $FLOOR_NOTE"

# --- 2. data folders -----------------------------------------------------------------
data_dir() { echo "$BENCH_DIR/data-$1u-${TASKS}t-s$SEED"; }
# The folders of the workbook comparison: one period, YAML or workbooks.
wb_dir() { echo "$BENCH_DIR/data-$1u-${TASKS}t-s$SEED-$BUILD_KY-$2"; }

# ensure_folder DIR UNITS PERIODS [--workbooks]: generate DIR unless its marker matches.
ensure_folder() {
    local dir=$1 units=$2 periods=$3 want have log
    shift 3
    want=$("$GEN" --marker --units "$units" --tasks "$TASKS" --seed "$SEED" --periods "$periods" "$@" "$dir")
    have=$(head -n 1 "$dir/.gen" 2>/dev/null || true)
    if [ "$want" = "$have" ]; then
        log "== reusing $dir"
    else
        log "== generating $dir"
        log=$BENCH_DIR/logs/gen-$(basename "$dir").log
        "$GEN" --units "$units" --tasks "$TASKS" --seed "$SEED" --periods "$periods" "$@" "$dir" \
            2>"$log" || die "gen failed (see $log)"
        tail -n 1 "$log" >&2
    fi
}

for units in $SIZES; do
    ensure_folder "$(data_dir "$units")" "$units" "$PERIODS"
done
if [ "$WORKBOOKS" -gt 0 ]; then
    ensure_folder "$(wb_dir "$WORKBOOKS" yaml)" "$WORKBOOKS" "$BUILD_KY"
    ensure_folder "$(wb_dir "$WORKBOOKS" xlsx)" "$WORKBOOKS" "$BUILD_KY" --workbooks
fi

# How busy the machine is without us: percent of all CPU time not idle over 2 seconds.
cpu_busy() {
    local a b
    a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
    sleep 2
    b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
    echo "$a $b" | awk '{ busy = $3 - $1; idle = $4 - $2; printf "%.0f", (busy + idle > 0) ? 100 * busy / (busy + idle) : 0 }'
}
BUSY=$(cpu_busy)
LOADAVG=$(cut -d' ' -f1-3 /proc/loadavg)
log "== machine busy before the runs: $BUSY % of CPU (load average $LOADAVG)"

# --- 3. measurements -----------------------------------------------------------------
# Seconds from /usr/bin/time's "h:mm:ss" or "m:ss.ss".
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

ROWS=()
declare -A WALL CPU RSS EXIT

# measure KEY "case" "data" command...   (appends a table row; KEY names the result)
measure() {
    local key=$1 case_=$2 data=$3
    shift 3
    local walls="" cpus="" rsss="" codes="" i out
    for i in $(seq "$RUNS"); do
        out=$BENCH_DIR/logs/$key-$i
        local rc=0
        "$TIME" -v -o "$out.time" "$@" >"$out.log" 2>&1 || rc=$?
        walls+="$(grep 'Elapsed (wall clock)' "$out.time" | awk '{print $NF}' | to_seconds)"$'\n'
        cpus+="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$out.time")"$'\n'
        # Decimal megabytes (time reports KiB), as the folder sizes and the issue's targets.
        rsss+="$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 * 1024 / 1e6 }' "$out.time")"$'\n'
        # time's report says "Exit status: 0" for a run killed by a signal; say the signal.
        if grep -q 'Command terminated by signal' "$out.time"; then
            codes+="$(grep -o 'signal [0-9]*' "$out.time" | tr ' ' '-') "
        else
            codes+="$rc "
        fi
    done
    local w c r
    w=$(printf '%s' "$walls" | median)
    c=$(printf '%s' "$cpus" | median)
    r=$(printf '%s' "$rsss" | median)
    codes=$(echo "$codes" | tr ' ' '\n' | sort -u | grep -v '^$' | paste -sd/ -)
    WALL[$key]=$w
    CPU[$key]=$c
    RSS[$key]=$r
    EXIT[$key]=$codes
    log "   $case_ ($data): wall $w s, cpu $c s, rss $r MB, exit $codes  [$(echo $walls)]"
    ROWS+=("| $data | $case_ | $w | $c | $r | $codes |")
}

skipped() { ROWS+=("| $2 | $1 | n/a | n/a | n/a | $3 |"); }

folder_desc() {
    local dir=$1 files bytes books
    files=$(find "$dir/nop" -type f | wc -l)
    bytes=$(find "$dir/nop" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s / 1e6 }')
    books=$(find "$dir/nop" -type f -name '*.xlsx' | wc -l)
    if [ "$books" -gt 0 ]; then
        echo "$files files ($books workbooks), $bytes MB"
    else
        echo "$files files, $bytes MB"
    fi
}

# Warm the page cache, so that the first run reads from memory like the others.
warm() { find "$1/nop" -type f -exec cat {} + >/dev/null; }

DESCS=()
for units in $SIZES; do
    dir=$(data_dir "$units")
    out=$BENCH_DIR/out-$units
    name="$units units"
    DESCS+=("- $name: \`$dir\` ($(folder_desc "$dir") in \`nop/\`)")
    log "== $name"
    warm "$dir"
    if [ -z "$FLOOR_NOTE" ]; then
        measure "floor-$units" "parse floor" "$name" "$FLOOR" --data "$dir"
    else
        skipped "parse floor" "$name" "$FLOOR_NOTE"
    fi
    measure "check-$units" "check" "$name" "$BIN" check --data "$dir"
    measure "build-$units" "build $BUILD_KY" "$name" "$BIN" build --ky "$BUILD_KY" --data "$dir" --out "$out"
done

log "== sample data (data/)"
DESCS+=("- sample: \`data/\` ($(folder_desc data) in \`nop/\`, four periods)")
if [ -z "$FLOOR_NOTE" ]; then
    measure floor-sample "parse floor" "sample" "$FLOOR" --data data
else
    skipped "parse floor" "sample" "$FLOOR_NOTE"
fi
measure check-sample "check" "sample" "$BIN" check --data data
measure build-sample "build (4 periods)" "sample" "$BIN" build --data data --out "$BENCH_DIR/out-sample"

# Workbooks against YAML: the same units and answers, read from .xlsx forms or from YAML.
declare -A WB_FILES
if [ "$WORKBOOKS" -gt 0 ]; then
    for kind in yaml xlsx; do
        dir=$(wb_dir "$WORKBOOKS" $kind)
        name="$WORKBOOKS units, $BUILD_KY, $kind"
        DESCS+=("- $name: \`$dir\` ($(folder_desc "$dir") in \`nop/\`)")
        log "== $name"
        warm "$dir"
        if [ -z "$FLOOR_NOTE" ]; then
            measure "floor-wb-$kind" "parse floor" "$name" "$FLOOR" --data "$dir"
            # parse_floor prints "N files, M task reports": the files read.
            WB_FILES[$kind]=$(awk '/ files, / { print $1; exit }' "$BENCH_DIR/logs/floor-wb-$kind-1.log")
        else
            skipped "parse floor" "$name" "$FLOOR_NOTE"
        fi
        measure "check-wb-$kind" "check" "$name" "$BIN" check --data "$dir"
    done
fi

# --- 4. report -----------------------------------------------------------------------
cpu_model=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
mem_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo "?")

echo "### Results $(date '+%Y-%m-%d %H:%M %Z')${LABEL:+ — $LABEL}"
echo
echo "Machine: $(nproc) cores ($cpu_model), ${mem_gb} GB RAM; $(rustc --version 2>/dev/null || echo rustc ?);"
echo "before the runs the machine was $BUSY % busy (2 s sample; load average $LOADAVG)."
echo "Median of $RUNS runs; warm page cache."
echo
for d in "${DESCS[@]}"; do echo "$d"; done
echo
echo "| data | command | wall (s) | CPU user+sys (s) | max RSS (MB) | exit |"
echo "| --- | --- | ---: | ---: | ---: | --- |"
for r in "${ROWS[@]}"; do echo "$r"; done
echo

# Targets of issue 7, against the largest and smallest generated folders.
big=$(echo $SIZES | tr ' ' '\n' | sort -n | tail -n 1)
small=$(echo $SIZES | tr ' ' '\n' | sort -n | head -n 1)
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 < b + 0) ? "yes" : "**no**" }'; }
# A target counts only for runs that succeeded: a build that fails or is killed is not "fast".
verdict_of() {
    if [ "${EXIT[$1]:-?}" != "0" ]; then
        echo "**no** (exit ${EXIT[$1]:-?})"
    else
        verdict "$2" "$3"
    fi
}
echo "| target (issue 7) | measured | met |"
echo "| --- | ---: | --- |"
bw=${WALL[build-$big]}
echo "| build of one period, $big units: wall < 9 s | $bw s | $(verdict_of "build-$big" "$bw" 9) |"
if [ -n "${WALL[floor-$big]:-}" ]; then
    ratio=$(awk -v a="$bw" -v b="${WALL[floor-$big]}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
    echo "| build within 1.5× of the parse-only floor, $big units | ${ratio}× (floor ${WALL[floor-$big]} s) | $(verdict_of "build-$big" "$ratio" 1.5001) |"
else
    echo "| build within 1.5× of the parse-only floor, $big units | n/a ($FLOOR_NOTE) | ? |"
fi
br=${RSS[build-$big]}
echo "| peak memory of build, $big units: < 265 MB | $br MB | $(verdict_of "build-$big" "$br" 265) |"
if [ "$big" != "$small" ]; then
    g=$(awk -v a="$br" -v b="${RSS[build-$small]}" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
    u=$(awk -v a="$big" -v b="$small" 'BEGIN { printf "%.2f", a / b }')
    lim=$(awk -v a="$big" -v b="$small" 'BEGIN { printf "%.6f", a / b + 0.0001 }')
    echo "| memory grows no faster than units ($small → $big units: ×$u) | ×$g (${RSS[build-$small]} → $br MB) | $(verdict_of "build-$small" "$g" "$lim") |"
fi
sw=${WALL[build-sample]}
echo "| sample data, four periods: build < 1 s | $sw s | $(verdict_of build-sample "$sw" 1) |"
echo
echo "For scale (issue 7): a Python implementation (PyYAML + python-docx + openpyxl) builds one"
echo "period of the 10,000-unit folder in about 270 s (PyYAML's default loader) or 45 s (C loader),"
echo "peaking at about 530 MB."

# Workbooks against YAML, per file read (CPU time: both cores read files side by side).
if [ "$WORKBOOKS" -gt 0 ] && [ -n "${WB_FILES[xlsx]:-}" ]; then
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
    per_file() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.2f", (n > 0) ? 1000 * a / n : 0 }'; }
    echo
    echo "Workbooks against YAML, $WORKBOOKS units, one period ($BUILD_KY): ${WB_FILES[yaml]} files read"
    echo "from YAML, ${WB_FILES[xlsx]} from the workbook folder (the faulted ones stay YAML there)."
    echo
    echo "| $WORKBOOKS units, $BUILD_KY | YAML | workbooks | workbooks / YAML |"
    echo "| --- | ---: | ---: | ---: |"
    for c in floor check; do
        label=$([ $c = floor ] && echo "parse floor" || echo "check")
        y=$c-wb-yaml
        x=$c-wb-xlsx
        echo "| $label: wall (s) | ${WALL[$y]} | ${WALL[$x]} | $(ratio "${WALL[$x]}" "${WALL[$y]}")× |"
        py=$(per_file "${CPU[$y]}" "${WB_FILES[yaml]}")
        px=$(per_file "${CPU[$x]}" "${WB_FILES[xlsx]}")
        echo "| $label: CPU per file read (ms) | $py | $px | $(ratio "$px" "$py")× |"
        echo "| $label: max RSS (MB) | ${RSS[$y]} | ${RSS[$x]} | $(ratio "${RSS[$x]}" "${RSS[$y]}")× |"
    done
fi
