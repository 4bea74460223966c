#!/usr/bin/env bash
# Batch rendering against minijinja-cli, side by side, and a summary against the targets.
# Needs hyperfine and minijinja-cli (`apt-get install hyperfine`, `cargo install
# minijinja-cli`); run from the repository:
#   scripts/bench/run.sh [PLANS]      (default 1000)
# BENCH_DIR puts the work files elsewhere (a tmpfs such as /dev/shm keeps the disk out of it).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT

# The plain release build, and on x86-64 Linux the static release build (README, "A single
# file for Linux"), which is what the figures are for there.
cargo build --release --quiet
dynamic=$PWD/target/release/unionplan
bin=$dynamic
linux=x86_64-unknown-linux-gnu
if [ "$(rustc -vV | sed -n 's/^host: //p')" = "$linux" ]; then
  RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --quiet --target "$linux"
  bin=$PWD/target/$linux/release/unionplan
fi
template=$PWD/scripts/bench/plan.md.j2
python3 scripts/bench/generate.py "$n" "$work/plans"
python3 scripts/bench/generate.py $((n / 10)) "$work/tenth"
python3 scripts/scale.py 1000 > "$work/size-1000.yaml"
python3 scripts/scale.py 10000 > "$work/size-10000.yaml"
one="$work/plans/plan-0000.yaml"

echo "machine: $(nproc) cores, $(uname -m)"
echo "unionplan: $("$bin" --version) ($bin); minijinja-cli: $(minijinja-cli --version)"
echo

# Each run starts from an empty output folder (--prepare, not timed), so that every output
# is written, none found unchanged.
hyperfine --warmup 2 --runs 20 --export-json "$work/batch.json" \
  --prepare "rm -rf $work/out $work/out10 $work/mj && mkdir $work/mj" \
  -n "unionplan: $n plans x md,html,txt, one run" \
  "$bin render $work/plans -f md,html,txt --out-dir $work/out" \
  -n "unionplan: $((n / 10)) plans x md,html,txt, one run" \
  "$bin render $work/tenth -f md,html,txt --out-dir $work/out10" \
  -n "minijinja-cli: $n plans x md, one process per plan" \
  "for p in $work/plans/*.yaml; do minijinja-cli --trim-blocks --lstrip-blocks $template \$p > $work/mj/\$(basename \$p .yaml).md; done"

hyperfine -N --warmup 20 --runs 300 --export-json "$work/one.json" \
  -n "unionplan: one plan, md" "$bin render $one -f md" \
  -n "unionplan (plain cargo build --release): one plan, md" "$dynamic render $one -f md" \
  -n "minijinja-cli: one plan, md" "minijinja-cli --trim-blocks --lstrip-blocks $template $one"

hyperfine -N --warmup 3 --runs 20 --export-json "$work/size.json" \
  -n "unionplan: one plan of 1,000 items" "$bin render $work/size-1000.yaml -f html" \
  -n "unionplan: one plan of 10,000 items" "$bin render $work/size-10000.yaml -f html"

rm -rf "$work/out"
/usr/bin/time -o "$work/peak" -f "%M" "$bin" render "$work/plans" -f md,html,txt --out-dir "$work/out" 2>/dev/null
peak_kb=$(tail -n 1 "$work/peak")

python3 - "$work" "$peak_kb" <<'EOF'
import json, sys
work, peak_kb = sys.argv[1], int(sys.argv[2])
def means(name):
    return [r["mean"] for r in json.load(open(f"{work}/{name}.json"))["results"]]
batch, tenth, loop = means("batch")
one, one_dynamic, one_mj = means("one")
size_1k, size_10k = means("size")
rows = [
    ("batch of 3 formats vs minijinja-cli loop of 1", f"{loop / batch:.1f}x faster", ">= 10x"),
    ("one plan vs one minijinja-cli call", f"{one * 1e3:.2f} vs {one_mj * 1e3:.2f} ms", "no slower"),
    ("  (plain cargo build --release)", f"{one_dynamic * 1e3:.2f} vs {one_mj * 1e3:.2f} ms", ""),
    ("peak memory of the batch", f"{peak_kb / 1024:.0f} MB", "< 50 MB"),
    ("plans x10 (tenth -> all)", f"time x{batch / tenth:.1f}", "linear"),
    ("plan size x10 (1,000 -> 10,000 items)", f"time x{size_10k / size_1k:.1f}", "linear"),
]
print("\nsummary")
for what, got, target in rows:
    print(f"  {what:<46} {got:<22} {target}")
EOF
