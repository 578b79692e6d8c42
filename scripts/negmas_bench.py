"""The negotiation engine against NegMAS's agents, over `muscat negotiate --stdio`.

Plays the engine (one subprocess a session, speaking docs/negotiation-protocol.md) against
NegMAS's Aspiration, Boulware, Conceder and NiceTitForTat agents and ANAC 2011's HardHeaded (from
negmas-genius-agents), on the game's domain (five walk-away variants) and on random domains of
the same shape, in both seats and both opening orders, and prints a Markdown table: agreement
rate, mean distance to the Nash point and to the Pareto frontier, each side's mean utility (a
session without a deal counts each side's reservation value), sessions the engine won, and deals
below either side's walk-away value. Also times NegMAS Aspiration against itself on the game's
domain, for the speed ratio of docs/performance.md.

Run by hand through scripts/negmas_bench.sh, not in CI.
"""

import argparse
import json
import random
import subprocess
import sys
import time

import numpy as np
from negmas import make_issue
from negmas.outcomes import make_os
from negmas.preferences import LinearAdditiveUtilityFunction
from negmas.preferences.value_fun import TableFun
from negmas.sao import (
    AspirationNegotiator,
    BoulwareTBNegotiator,
    ConcederTBNegotiator,
    NiceTitForTatNegotiator,
    ResponseType,
    SAOMechanism,
    SAONegotiator,
)
from negmas_genius_agents import HardHeaded

STEPS = 100
# The walk-away shifts of `muscat simulate --bilateral` (src/game/delegation/bilateral.rs).
VARIANTS = [
    ("start", 0.0, 0.0),
    ("war scare", -0.08, -0.08),
    ("maximum pressure", 0.04, -0.10),
    ("Iran emboldened", -0.06, 0.06),
    ("hardliners", 0.06, 0.06),
]
PEERS = {
    "Aspiration": AspirationNegotiator,
    "Boulware": BoulwareTBNegotiator,
    "Conceder": ConcederTBNegotiator,
    "NiceTitForTat": NiceTitForTatNegotiator,
    "HardHeaded": HardHeaded,
}


class Engine(SAONegotiator):
    """The engine as a NegMAS negotiator: each call is one protocol line to `muscat`."""

    def __init__(self, binary, setup, n_steps, opens, **kwargs):
        super().__init__(**kwargs)
        self.setup = setup
        self.n_steps = n_steps
        self.opens = opens
        self.proc = subprocess.Popen(
            [binary, "negotiate", "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        reply = self.ask(setup)
        assert reply["type"] == "ready", reply
        self.reasons = []

    def ask(self, message):
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        if reply["type"] == "error":
            raise RuntimeError(reply["message"])
        return reply

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()

    def indices(self, outcome):
        return [self.setup["issues"][i]["options"].index(v) for i, v in enumerate(outcome)]

    def outcome(self, indices):
        return tuple(self.setup["issues"][i]["options"][o] for i, o in enumerate(indices))

    def last_round(self, state):
        return state.step + 1 >= self.n_steps

    def propose(self, state, dest=None):
        last = self.last_round(state) and self.opens
        reply = self.ask({"type": "propose", "time": min(state.relative_time, 1.0), "last": last})
        self.reasons.append(reply.get("reason"))
        if reply["type"] == "end":
            return None
        return self.outcome(reply["offer"])

    def respond(self, state, source=None):
        offer = state.current_offer
        if offer is None:
            return ResponseType.REJECT_OFFER
        # The side that moves second gives the last answer, in the last round.
        last = self.last_round(state) and not self.opens
        reply = self.ask(
            {
                "type": "respond",
                "offer": self.indices(offer),
                "time": min(state.relative_time, 1.0),
                "last": last,
            }
        )
        self.reasons.append(reply.get("reason"))
        return {
            "accept": ResponseType.ACCEPT_OFFER,
            "reject": ResponseType.REJECT_OFFER,
            "end": ResponseType.END_NEGOTIATION,
        }[reply["type"]]


def ufun(setup, os_):
    issues = setup["issues"]
    values = {
        i["name"]: TableFun(dict(zip(i["options"], vs)))
        for i, vs in zip(issues, setup["values"])
    }
    weights = {i["name"]: w for i, w in zip(issues, setup["weights"])}
    return LinearAdditiveUtilityFunction(
        values=values, weights=weights, outcome_space=os_, reserved_value=setup["reservation"]
    )


def grid(setup):
    """Every outcome's utility, as one flat array (last issue fastest)."""
    total = np.zeros(())
    for w, vs in zip(setup["weights"], setup["values"]):
        total = np.add.outer(total, w * np.asarray(vs, dtype=float))
    return total.ravel()


def frontier(ua, ub):
    order = np.lexsort((-ub, -ua))
    a, b = ua[order], ub[order]
    best = np.maximum.accumulate(b)
    keep = np.concatenate(([True], b[1:] > best[:-1]))
    return a[keep], b[keep]


def quality(setup_a, setup_b, deal):
    ua, ub = grid(setup_a), grid(setup_b)
    fa, fb = frontier(ua, ub)
    ra, rb = setup_a["reservation"], setup_b["reservation"]
    to_pareto = float(np.min(np.hypot(fa - deal[0], fb - deal[1])))
    ok = (fa >= ra) & (fb >= rb)
    if not ok.any():
        return to_pareto, float("inf")
    prod = np.where(ok, (fa - ra) * (fb - rb), -np.inf)
    k = int(np.argmax(prod))
    return to_pareto, float(np.hypot(fa[k] - deal[0], fb[k] - deal[1]))


def random_pair(shape, rng, base):
    """Two sides on a domain of the game's shape: random weights and values, opposed on
    average (each issue's values drawn, then the other side's mirrored with noise)."""
    issues = [{"name": f"i{k}", "options": [f"o{j}" for j in range(n)]} for k, n in enumerate(shape)]
    sides = []
    for s in range(2):
        raw = [rng.random() + 0.05 for _ in shape]
        weights = [w / sum(raw) for w in raw]
        sides.append(weights)
    values_a, values_b = [], []
    for n in shape:
        a = [rng.random() for _ in range(n)]
        b = [min(1.0, max(0.0, 1.0 - x + rng.uniform(-0.25, 0.25))) for x in a]
        for vs, out in ((a, values_a), (b, values_b)):
            lo, hi = min(vs), max(vs)
            out.append([(v - lo) / (hi - lo) if hi > lo else 0.5 for v in vs])
    a = {"type": "setup", "issues": issues, "weights": sides[0], "values": values_a}
    b = {"type": "setup", "issues": issues, "weights": sides[1], "values": values_b}
    a["reservation"] = round(base[0] + rng.uniform(-0.08, 0.08), 3)
    b["reservation"] = round(base[1] + rng.uniform(-0.08, 0.08), 3)
    return a, b


def session(binary, engine_setup, peer_setup, peer_cls, engine_opens, tactic):
    keys = ("type", "issues", "weights", "values", "reservation")
    setup = dict({k: engine_setup[k] for k in keys}, tactic=tactic)
    issues = [make_issue(values=i["options"], name=i["name"]) for i in setup["issues"]]
    os_ = make_os(issues)
    mech = SAOMechanism(outcome_space=os_, n_steps=STEPS)
    engine = Engine(binary, setup, STEPS, engine_opens, name="engine")
    peer = peer_cls(name="peer")
    ue, up = ufun(engine_setup, os_), ufun(peer_setup, os_)
    pair = [(engine, ue), (peer, up)] if engine_opens else [(peer, up), (engine, ue)]
    for n, u in pair:
        mech.add(n, ufun=u)
    state = mech.run()
    engine.close()
    deal = state.agreement
    last = engine.reasons[-1]["why"] if engine.reasons and engine.reasons[-1] else None
    session.last_why = last
    if deal is None:
        return None, (engine_setup["reservation"], peer_setup["reservation"])
    return deal, (float(ue(deal)), float(up(deal)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="target/release/muscat")
    ap.add_argument("--random-domains", type=int, default=10)
    ap.add_argument("--tactic", default="pragmatist")
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--speed-sessions", type=int, default=20)
    ap.add_argument("--detail", action="store_true", help="break deals down by the engine's last decision")
    args = ap.parse_args()

    game = json.loads(subprocess.check_output([args.binary, "negotiate", "--game-domain"]))
    shape = [len(i["options"]) for i in game["us"]["issues"]]
    domains = []
    for name, dus, dir_ in VARIANTS:
        us = dict(game["us"], reservation=game["us"]["reservation"] + dus)
        ir = dict(game["iran"], reservation=game["iran"]["reservation"] + dir_)
        domains.append(("game", f"game/{name}", us, ir))
    rng = random.Random(args.seed)
    base = (game["us"]["reservation"], game["iran"]["reservation"])
    for k in range(args.random_domains):
        a, b = random_pair(shape, rng, base)
        domains.append(("random", f"random/{k}", a, b))

    print(f"| domains | peer | sessions | agreement | to Nash | to Pareto | engine utility | peer utility | engine won | below walk-away |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for peer_name in args.peers.split(","):
        peer_cls = PEERS[peer_name]
        for kind in ("game", "random"):
            rows = []
            for _, _, a, b in (d for d in domains if d[0] == kind):
                for engine_setup, peer_setup in ((a, b), (b, a)):
                    for engine_opens in (True, False):
                        deal, (ue, up) = session(
                            args.binary, engine_setup, peer_setup, peer_cls, engine_opens, args.tactic
                        )
                        row = {"deal": deal is not None, "ue": ue, "up": up, "why": session.last_why}
                        if deal is not None:
                            row["pareto"], row["nash"] = quality(engine_setup, peer_setup, (ue, up))
                            row["below"] = (
                                ue < engine_setup["reservation"] - 1e-9
                                or up < peer_setup["reservation"] - 1e-9
                            )
                        rows.append(row)
            if not rows:
                continue
            deals = [r for r in rows if r["deal"]]
            mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
            print(
                f"| {kind} | {peer_name} | {len(rows)} | {len(deals) / len(rows):.0%} "
                f"| {mean([r['nash'] for r in deals]):.3f} | {mean([r['pareto'] for r in deals]):.3f} "
                f"| {mean([r['ue'] for r in rows]):.3f} | {mean([r['up'] for r in rows]):.3f} "
                f"| {sum(1 for r in deals if r['ue'] > r['up'] + 1e-9)} | {sum(1 for r in deals if r['below'])} |",
                flush=True,
            )
            if args.detail:
                from collections import Counter

                for why, n in sorted(Counter(r["why"] for r in deals).items(), key=str):
                    sub = [r for r in deals if r["why"] == why]
                    print(
                        f"|  | ended by engine's {why} | {n} |  |  | {mean([r['pareto'] for r in sub]):.3f} "
                        f"| {mean([r['ue'] for r in sub]):.3f} | {mean([r['up'] for r in sub]):.3f} |  |  |",
                        flush=True,
                    )

    if args.speed_sessions:
        issues = [make_issue(values=i["options"], name=i["name"]) for i in game["us"]["issues"]]
        os_ = make_os(issues)
        start = time.perf_counter()
        for _ in range(args.speed_sessions):
            mech = SAOMechanism(outcome_space=os_, n_steps=STEPS)
            mech.add(AspirationNegotiator(name="a"), ufun=ufun(game["us"], os_))
            mech.add(AspirationNegotiator(name="b"), ufun=ufun(game["iran"], os_))
            mech.run()
        took = time.perf_counter() - start
        print(
            f"\nNegMAS Aspiration vs Aspiration, game domain, {STEPS} rounds: "
            f"{args.speed_sessions / took:.1f} sessions/s ({took / args.speed_sessions * 1000:.1f} ms a session)"
        )


if __name__ == "__main__":
    sys.exit(main())
