#!/usr/bin/env bash
# Self-reporting performance runs (docs/performance.md): start-up to the first frame in a real
# terminal (tmux), peak memory of a played game and of `simulate`, the advisor's answer time,
# and simulate's throughput. Release build with the `test-hooks` feature, for the start-up hook
# MUSCAT_FIRST_FRAME_ONLY (the hooks cost nothing until set); run on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --features test-hooks
bin="${CARGO_TARGET_DIR:-target}/release/muscat"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
work="$(mktemp -d)"
trap 'tmux -L muscat-perf kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== machine"
nproc; grep -m1 'model name' /proc/cpuinfo || true; uptime

echo "== start-up to first frame (20 runs in tmux at 160x48, MUSCAT_FIRST_FRAME_ONLY=1)"
if command -v tmux >/dev/null; then
  cat >"$work/startup.sh" <<EOS
for i in \$(seq 20); do
  s=\$(date +%s%N)
  MUSCAT_FIRST_FRAME_ONLY=1 "$bin" --seed 1 --no-mouse --save-dir "$work/saves" >/dev/null 2>&1
  e=\$(date +%s%N)
  echo \$(( (e - s) / 1000 ))
done > "$work/startup.txt"
touch "$work/startup.done"
EOS
  tmux -L muscat-perf new-session -d -x 160 -y 48 "bash $work/startup.sh"
  for _ in $(seq 300); do [ -f "$work/startup.done" ] && break; sleep 0.1; done
  sort -n "$work/startup.txt" | awk '{a[NR]=$1} END {printf "min %.1f ms, median %.1f ms, max %.1f ms\n", a[1]/1000, a[int((NR+1)/2)]/1000, a[NR]/1000}'
else
  echo "tmux not found: skipped"
fi

echo "== peak memory: a whole game in --plain (easy, the advisor asked every week)"
{
  echo "choose 1"
  for issue in "enrichment cap-367" "stockpile downblend" "verification ap-plus" "sanctions phased-oil" "enforcement joint-review"; do
    echo "draft $issue"
  done
  for week in $(seq 16); do
    [ "$week" = 4 ] && echo "save mid"
    printf 'odds\ntable\nreassure iran\ntable\nend\nchoose 1\n'
  done
  echo "quit"
} >"$work/game.txt"
/usr/bin/time -v "$bin" play --plain --seed 7 --difficulty easy --save-dir "$work/saves" <"$work/game.txt" >"$work/game.out" 2>"$work/game.time"
grep -E "Maximum resident set size|Elapsed" "$work/game.time"
grep -c "futures, 6 weeks ahead" "$work/game.out" | sed 's/^/advisor answers printed: /'

echo "== peak memory and throughput: simulate --games 1000 --policy all"
/usr/bin/time -v "$bin" simulate --games 1000 --policy all 2>"$work/sim.time"
grep -E "Maximum resident set size|Elapsed" "$work/sim.time"

echo "== the advisor from a saved position (muscat odds, 1000 futures)"
"$bin" odds "$work/saves/mid.ron" --json
