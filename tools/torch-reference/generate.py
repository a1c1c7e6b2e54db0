#!/usr/bin/env python3
"""Reference trajectories for issue 12, computed with torch.optim (float64), written to
Tests/OptimizersTests/Fixtures/torch-errata-trajectories.json in the format of
/work/shared/reference (plus `call`, the directive's arguments as data).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch
    /tmp/venv/bin/python tools/torch-reference/generate.py

Cases: SGD with every flag, written in torch's argument order; and L-BFGS's evaluation
budget (torch's max_eval) for the strong Wolfe line search, one call per step with
max_iter=1 as coursegen runs it, plus coursegen's defaults (no line search).
"""
import json
import math
import pathlib

import torch

OBJECTIVES = {
    "bowl": ("{ x, y in x * x / 20 + y * y }", lambda x, y: x * x / 20 + y * y, (-7.0, 2.0)),
    "d2l": ("{ x, y in 0.1 * x * x + 2 * y * y }", lambda x, y: 0.1 * x * x + 2 * y * y, (-5.0, -2.0)),
    "rosenbrock": ("{ x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }",
                   lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2, (-1.5, 2.0)),
    "beale": ("{ x, y in pow(1.5 - x + x * y, 2) + pow(2.25 - x + x * y * y, 2) + pow(2.625 - x + x * y * y * y, 2) }",
              lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2,
              (1.0, 1.5)),
}
O = torch.optim


def lbfgs(**kw):
    return lambda p: O.LBFGS(p, max_iter=1, **kw)


def choice(name):
    return {"choice": name}


# (objective, steps, directive call, call arguments in order, torch factory)
CASES = [
    ("bowl", 40, "SGD(lr: 0.05, momentum: 0.9, dampening: 0, weightDecay: 0.1, nesterov: true)",
     [["lr", 0.05], ["momentum", 0.9], ["dampening", 0], ["weightDecay", 0.1], ["nesterov", True]],
     lambda p: O.SGD(p, lr=0.05, momentum=0.9, dampening=0, weight_decay=0.1, nesterov=True)),
    ("d2l", 40, "SGD(lr: 0.2, momentum: 0.8, dampening: 0.3, weightDecay: 0.05, nesterov: false)",
     [["lr", 0.2], ["momentum", 0.8], ["dampening", 0.3], ["weightDecay", 0.05], ["nesterov", False]],
     lambda p: O.SGD(p, lr=0.2, momentum=0.8, dampening=0.3, weight_decay=0.05, nesterov=False)),
    ("rosenbrock", 200, "SGD(lr: 0.0005, momentum: 0.9, dampening: 0, weightDecay: 0.01, nesterov: true)",
     [["lr", 0.0005], ["momentum", 0.9], ["dampening", 0], ["weightDecay", 0.01], ["nesterov", True]],
     lambda p: O.SGD(p, lr=0.0005, momentum=0.9, dampening=0, weight_decay=0.01, nesterov=True)),
    # coursegen's defaults: torch's line_search_fn=None, lr=1 (max_eval is then unused).
    ("rosenbrock", 20, "LBFGS()", [], lbfgs(max_eval=25)),
    # The budget: max_eval - 1 line-search trials after the first evaluation.
    ("rosenbrock", 30, "LBFGS(lr: 1, maxEval: 2, lineSearch: .strongWolfe)",
     [["lr", 1], ["maxEval", 2], ["lineSearch", choice("strongWolfe")]],
     lbfgs(lr=1, max_eval=2, line_search_fn="strong_wolfe")),
    ("rosenbrock", 30, "LBFGS(lr: 1, maxEval: 5, lineSearch: .strongWolfe)",
     [["lr", 1], ["maxEval", 5], ["lineSearch", choice("strongWolfe")]],
     lbfgs(lr=1, max_eval=5, line_search_fn="strong_wolfe")),
    ("rosenbrock", 40, "LBFGS(lineSearch: .strongWolfe)",
     [["lineSearch", choice("strongWolfe")]],
     lbfgs(max_eval=25, line_search_fn="strong_wolfe")),
    ("beale", 30, "LBFGS(lr: 1, maxEval: 6, toleranceGrad: 1e-07, toleranceChange: 1e-09, historySize: 4, lineSearch: .strongWolfe)",
     [["lr", 1], ["maxEval", 6], ["toleranceGrad", 1e-07], ["toleranceChange", 1e-09], ["historySize", 4],
      ["lineSearch", choice("strongWolfe")]],
     lbfgs(lr=1, max_eval=6, tolerance_grad=1e-07, tolerance_change=1e-09, history_size=4,
           line_search_fn="strong_wolfe")),
]


def run(name, steps, call, arguments, factory):
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    traj = [list(map(float, p.detach()))]
    losses = []

    def closure():
        opt.zero_grad()
        loss = fn(p[0], p[1])
        loss.backward()
        return loss

    for _ in range(steps):
        with torch.no_grad():
            losses.append(float(fn(p[0], p[1])))
        if isinstance(opt, O.LBFGS):
            opt.step(closure)
        else:
            closure()
            opt.step()
        traj.append(list(map(float, p.detach())))
    return {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps,
            "optimizer": call, "call": {"name": call.split("(")[0], "arguments": arguments},
            "schedule": None, "trajectory": traj, "lossBeforeEachStep": losses}


if __name__ == "__main__":
    out = {"generator": f"torch {torch.__version__} torch.optim, float64 (tools/torch-reference/generate.py)",
           "cases": [run(*c) for c in CASES]}
    for c in out["cases"]:
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), c["optimizer"]
    path = pathlib.Path(__file__).resolve().parents[2] / "Tests/OptimizersTests/Fixtures/torch-errata-trajectories.json"
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {len(out['cases'])} cases to {path}")
