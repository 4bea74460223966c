#!/usr/bin/env bash
# Batch rendering against minijinja-cli, side by side. Needs hyperfine and minijinja-cli
# (`apt-get install hyperfine`, `cargo install minijinja-cli`); run from the repository:
#   scripts/bench/run.sh [PLANS]      (default 1000)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=$PWD/target/release/unionplan
template=$PWD/scripts/bench/plan.md.j2
python3 scripts/bench/generate.py "$n" "$work/plans"
python3 scripts/bench/generate.py $((n / 10)) "$work/tenth"
python3 scripts/scale.py 1000 > "$work/size-1000.yaml"
python3 scripts/scale.py 10000 > "$work/size-10000.yaml"
one="$work/plans/plan-0000.yaml"

echo "machine: $(nproc) cores, $(uname -m)"
echo "unionplan: $("$bin" --version); minijinja-cli: $(minijinja-cli --version)"
echo

# Each run starts from an empty output folder (--prepare, not timed), so that every output
# is written, none found unchanged.
hyperfine --warmup 1 --runs 10 --export-json "$work/batch.json" \
  --prepare "rm -rf $work/out $work/out10 $work/mj && mkdir $work/mj" \
  -n "unionplan: $n plans x md,html,txt, one run" \
  "$bin render $work/plans -f md,html,txt --out-dir $work/out" \
  -n "unionplan: $((n / 10)) plans x md,html,txt, one run" \
  "$bin render $work/tenth -f md,html,txt --out-dir $work/out10" \
  -n "minijinja-cli: $n plans x md, one process per plan" \
  "for p in $work/plans/*.yaml; do minijinja-cli --trim-blocks --lstrip-blocks $template \$p > $work/mj/\$(basename \$p .yaml).md; done"

hyperfine -N --warmup 5 --runs 50 \
  -n "unionplan: one plan, md" "$bin render $one -f md" \
  -n "minijinja-cli: one plan, md" "minijinja-cli --trim-blocks --lstrip-blocks $template $one"

hyperfine -N --warmup 3 --runs 20 \
  -n "unionplan: one plan of 1,000 items" "$bin render $work/size-1000.yaml -f html" \
  -n "unionplan: one plan of 10,000 items" "$bin render $work/size-10000.yaml -f html"

rm -rf "$work/out"
/usr/bin/time -o "$work/peak" -f "%M" "$bin" render "$work/plans" -f md,html,txt --out-dir "$work/out" 2>/dev/null
peak=$(tail -n 1 "$work/peak")
echo "unionplan peak memory, $n plans x 3 formats: $((peak / 1024)) MB (max resident set)"
