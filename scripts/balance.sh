#!/usr/bin/env bash
# Regenerates the figures of docs/balance.md: every `simulate` row, from a release build.
#   scripts/balance.sh            print the tables
#   scripts/balance.sh --write    also replace them in docs/balance.md (between the
#                                 `<!-- balance:NAME -->` and `<!-- /balance:NAME -->` marks)
# ROUTINES=N and GAMES=N shrink the runs for a quick look; BIN=path skips the build;
# PARTS="routines" runs only some of the tables (policies, routines).
# The counts depend only on the seeds; the routines/s and games/s columns depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
write=false
[ "${1:-}" = "--write" ] && write=true
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN="${CARGO_TARGET_DIR:-target}/release/muscat"
fi
games="${GAMES:-2000}"
routines="${ROUTINES:-5000}"
parts="${PARTS:-policies difficulty routines}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

policies() {
  # The scripted policies and the bilateral benchmark (normal difficulty, seeds 1 to GAMES).
  "$BIN" simulate --policy all --games "$games" --bilateral --markdown
}

difficulty() {
  # Every scripted policy at every difficulty (muscat-2026, seeds 1 to GAMES): agreements and
  # wars side by side, so the order easy > normal > hard can be read off one row.
  local d
  for d in easy normal hard; do
    "$BIN" simulate --policy all --games "$games" --difficulty "$d" --markdown >"$work/difficulty-$d"
  done
  echo "| policy | easy: agreement | normal: agreement | hard: agreement | easy: war | normal: war | hard: war |"
  echo "|---|---|---|---|---|---|---|"
  # Columns of a `--markdown` row: 2 policy, 4 agreement, 5 war.
  paste -d'|' "$work/difficulty-easy" "$work/difficulty-normal" "$work/difficulty-hard" | tail -n +3 |
    awk -F'|' '{ printf "| %s |%s|%s|%s|%s|%s|%s|\n", $2, $4, $16, $28, $5, $17, $29 }' | sed 's/  */ /g'
}

routines() {
  # The exploit search, for every scenario and difficulty: one table row each, then each best
  # routine in words.
  local s d f first n=10
  local scenarios
  scenarios=$(ls assets/scenarios | sed 's/\.ron$//' | sort)
  for s in $scenarios; do
    for d in easy normal hard; do
      n=$((n + 1))
      "$BIN" simulate --policy routines --routines "$routines" --games "$games" \
        --scenario "$s" --difficulty "$d" --markdown >"$work/routines-$n"
    done
  done
  first=true
  for f in "$work"/routines-*; do
    if $first; then head -n 2 "$f"; first=false; fi
    sed -n 3p "$f"
  done
  echo
  for f in "$work"/routines-*; do tail -n +4 "$f"; echo; done
}

for name in $parts; do
  "$name" >"$work/$name"
  echo "<!-- balance:$name -->"
  cat "$work/$name"
  echo "<!-- /balance:$name -->"
  echo
done

if $write; then
  for name in $parts; do
    awk -v name="$name" -v file="$work/$name" '
      $0 == "<!-- balance:" name " -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
      $0 == "<!-- /balance:" name " -->" { skip = 0 }
      !skip { print }
    ' docs/balance.md >"$work/doc" && cp "$work/doc" docs/balance.md
  done
  echo "docs/balance.md updated" >&2
fi
