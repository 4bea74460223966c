#!/usr/bin/env bash
# Peak memory and time of one render per format: the growth per item between plans of 1,000
# and 10,000 items, and plans at the node bound (src/load/bound.rs). Needs GNU time
# (`apt-get install time`); run from the repository:
#   scripts/bench/memory.sh
# BENCH_DIR puts the work files elsewhere. BIN measures another build of unionplan.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$PWD/target/release/unionplan
fi
bound=$(sed -n 's/^pub const MAX_NODES: u64 = \([0-9_]*\);/\1/p' src/load/bound.rs | tr -d _)
formats="md html txt json docx"

python3 scripts/scale.py 1000 > "$work/items-1000.yaml"
python3 scripts/scale.py 10000 > "$work/items-10000.yaml"
# At the bound, three shapes: items as scale.py writes them (seven nodes of header, five and a
# half a item), one-letter sections (the most nodes a byte), and one long text (all the text
# a file may hold, in one paragraph).
python3 scripts/scale.py $(( (bound - 7) * 2 / 11 / 10 * 10 )) > "$work/bound-items.yaml"
python3 - "$bound" "$work" <<'EOF'
import sys
bound, work = int(sys.argv[1]), sys.argv[2]
with open(f"{work}/bound-flat.yaml", "w") as f:
    f.write("sections: [" + "a," * (bound - 3) + "]\n")
with open(f"{work}/bound-text.yaml", "w") as f:
    f.write("sections:\n  - title: 甲\n    body: " + "民主管理，" * (1_100_000) + "\n")
EOF

# Peak resident memory in KB and elapsed seconds of one render.
measure() {
  /usr/bin/time -f "%M %e" -o "$work/time" "$BIN" render "$1" -f "$2" -o "$work/out.$2" >/dev/null
  cat "$work/time"
}

echo "unionplan: $("$BIN" --version) ($BIN); node bound $bound"
echo
echo "peak memory per item (scripts/scale.py 1,000 -> 10,000 items)"
printf '  %-6s %12s %12s %10s\n' format "1,000" "10,000" "per item"
for f in $formats; do
  read -r small _ < <(measure "$work/items-1000.yaml" "$f")
  read -r large _ < <(measure "$work/items-10000.yaml" "$f")
  printf '  %-6s %9s KB %9s KB %7.2f KB\n' "$f" "$small" "$large" \
    "$(echo "($large - $small) / 9000" | bc -l)"
done
echo
echo "plans at the bound: peak memory, time"
for plan in bound-items bound-flat bound-text; do
  printf '  %s (%s bytes)\n' "$plan" "$(stat -c %s "$work/$plan.yaml")"
  for f in $formats; do
    read -r kb seconds < <(measure "$work/$plan.yaml" "$f")
    printf '    %-6s %8.1f MB %6.2f s\n' "$f" "$(echo "$kb / 1024" | bc -l)" "$seconds"
  done
done
