#!/usr/bin/env bash
# The negotiation engine against NegMAS's agents (issue 15): builds the release binary, installs
# negmas 0.16.0 and negmas-genius-agents in a virtual environment under target/, and runs
# scripts/negmas_bench.py over `muscat negotiate --stdio`. Run by hand, not in CI.
# Arguments are passed to the Python script (e.g. --random-domains 50 --tactic hawk).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/negmas-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q negmas==0.16.0 negmas-genius-agents==0.3.0
cargo build --release --bin muscat
exec "$venv/bin/python" scripts/negmas_bench.py --binary target/release/muscat "$@"
