"""Long torch.optim runs (300 to 1000 steps) of twelve optimizers on every objective of
generate.py, where a gradient that rounds differently from autograd would show: Rosenbrock's
valley amplifies a last-bit difference past 1e-9 within a hundred steps.

Same objectives, starts and loop as generate.py (whose run() this reuses), so the cases replay
through the directive language like the others.

    .venv-ref/bin/python scripts/reference/long_runs.py > Tests/OptimizersTests/Fixtures/torch-long-trajectories.json
"""
import json
import math
import sys
import warnings

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from generate import O, OBJECTIVES, call, case, run, torch  # noqa: E402

# Plain gradient steps scale with the gradient, so their learning rates follow each
# objective's curvature; the adaptive methods take steps of about lr whatever the scale.
GRADIENT_LR = {"bowl": 0.5, "d2l": 0.2, "rosenbrock": 0.0005, "beale": 0.005, "himmelblau": 0.005, "saddle": 0.01, "trig": 0.2}
STEPS = {"bowl": 300, "d2l": 300, "rosenbrock": 1000, "beale": 500, "himmelblau": 400, "saddle": 300, "trig": 400}


def optimizers(objective):
    g = GRADIENT_LR[objective]
    steep = objective in ("rosenbrock", "beale")
    a = 0.01 if steep else 0.05
    # RAdam's rectified steps are larger; twice Adam's rate leaves the valleys.
    r = a if steep else a * 2
    return [
        (call("SGD", lr=g), lambda p: O.SGD(p, lr=g)),
        (call("Momentum", lr=g / 5), lambda p: O.SGD(p, lr=g / 5, momentum=0.9)),
        (call("Nesterov", lr=g / 5, momentum=0.95), lambda p: O.SGD(p, lr=g / 5, momentum=0.95, nesterov=True)),
        (call("Adam", lr=a), lambda p: O.Adam(p, lr=a)),
        (call("AdamW", lr=a, weightDecay=0.01), lambda p: O.AdamW(p, lr=a, weight_decay=0.01)),
        (call("NAdam", lr=a), lambda p: O.NAdam(p, lr=a)),
        (call("RAdam", lr=r), lambda p: O.RAdam(p, lr=r)),
        (call("RMSProp", lr=a / 5, centered=True), lambda p: O.RMSprop(p, lr=a / 5, centered=True)),
        (call("AdaGrad", lr=a * 10), lambda p: O.Adagrad(p, lr=a * 10)),
        (call("Adadelta", lr=1.0), lambda p: O.Adadelta(p, lr=1.0)),
        (call("Adamax", lr=a), lambda p: O.Adamax(p, lr=a)),
        (call("AMSGrad", lr=a), lambda p: O.Adam(p, lr=a, amsgrad=True)),
    ]


CASES = [case(objective, STEPS[objective], text, factory) for objective in OBJECTIVES for text, factory in optimizers(objective)]

if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    cases = [run(*c) for c in CASES]
    for c in cases:
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), (c["objectiveName"], c["optimizer"])
        # The replay compares trajectories; losses and rates would double the file.
        del c["lossBeforeEachStep"], c["learningRates"]
    out = {"generator": f"torch {torch.__version__} torch.optim, float64 (scripts/reference/long_runs.py)", "cases": cases}
    json.dump(out, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")
