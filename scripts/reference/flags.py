"""Reference trajectories for the flags of the older torch.optim methods (torch 2.15): every
method with `maximize=True` on an objective to maximise (the negated bowl and the negated
Rosenbrock function, whose maxima are the minima of the originals), and Adam (and AMSGrad,
Adam with amsgrad=True) with `decoupled_weight_decay=True`, which makes torch's Adam AdamW.
Objectives and loop as in scripts/reference/generate.py, float64 parameters.

    /work/.venv-ref/bin/python scripts/reference/flags.py > Tests/OptimizersTests/Fixtures/flags-trajectories.json
"""
import json, math, sys
import torch

sys.path.insert(0, __import__("os").path.dirname(__file__))
from generate import OBJECTIVES, O, call, case, lbfgs, run, exponential  # noqa: E402

OBJECTIVES["negatedBowl"] = ("{ x, y in -(x * x / 20 + y * y) }", lambda x, y: -(x * x / 20 + y * y), (-7.0, 2.0))
OBJECTIVES["negatedRosenbrock"] = (
    "{ x, y in -((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)) }",
    lambda x, y: -((1 - x) ** 2 + 100 * (y - x * x) ** 2), (-1.5, 2.0))


def maximizing_lbfgs(lr, line_search, **extra):
    """generate.lbfgs's LBFGS(max_iter=1) with maximize=True, and max_eval=25, coursegen's default budget."""
    (text, structured), _ = lbfgs(lr, line_search=line_search)
    text = text[:-1] + ", maximize: true)"
    structured["arguments"].append(["maximize", True])
    fn = "strong_wolfe" if line_search == "strongWolfe" else None
    return (text, structured), lambda p: O.LBFGS(p, lr=lr, max_iter=1, line_search_fn=fn, max_eval=25, maximize=True)


CASES = [
    # SGD and its Momentum / Nesterov spellings, with every other flag beside maximize.
    case("negatedBowl", 40, call("SGD", lr=0.1, maximize=True), lambda p: O.SGD(p, lr=0.1, maximize=True)),
    case("negatedBowl", 40, call("SGD", lr=0.05, momentum=0.9, dampening=0.5, weightDecay=0.05, maximize=True),
         lambda p: O.SGD(p, lr=0.05, momentum=0.9, dampening=0.5, weight_decay=0.05, maximize=True)),
    case("negatedBowl", 40, call("SGD", lr=0.05, momentum=0.8, nesterov=True, maximize=True),
         lambda p: O.SGD(p, lr=0.05, momentum=0.8, nesterov=True, maximize=True)),
    case("negatedBowl", 30, call("Momentum", lr=0.1, maximize=True), lambda p: O.SGD(p, lr=0.1, momentum=0.9, maximize=True)),
    case("negatedRosenbrock", 100, call("Nesterov", lr=0.001, momentum=0.95, maximize=True),
         lambda p: O.SGD(p, lr=0.001, momentum=0.95, nesterov=True, maximize=True)),
    # AdaGrad, RMSProp, Adadelta.
    case("negatedBowl", 50, call("AdaGrad", lr=0.5, lrDecay=0.01, weightDecay=0.1, initialAccumulatorValue=0.1, maximize=True),
         lambda p: O.Adagrad(p, lr=0.5, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1, maximize=True)),
    case("negatedRosenbrock", 100, call("RMSProp", lr=0.01, alpha=0.9, centered=True, maximize=True),
         lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, centered=True, maximize=True)),
    case("negatedBowl", 40, call("RMSProp", lr=0.01, weightDecay=0.01, momentum=0.9, maximize=True),
         lambda p: O.RMSprop(p, lr=0.01, momentum=0.9, weight_decay=0.01, maximize=True)),
    case("negatedBowl", 50, call("Adadelta", lr=0.5, rho=0.95, eps=1e-5, weightDecay=0.1, maximize=True),
         lambda p: O.Adadelta(p, lr=0.5, rho=0.95, eps=1e-5, weight_decay=0.1, maximize=True)),
    # The Adam family.
    case("negatedRosenbrock", 100, call("Adam", lr=0.05, maximize=True), lambda p: O.Adam(p, lr=0.05, maximize=True)),
    case("negatedBowl", 60, call("Adam", lr=0.1, betas=(0.8, 0.99), weightDecay=0.1, maximize=True),
         lambda p: O.Adam(p, lr=0.1, betas=(0.8, 0.99), weight_decay=0.1, maximize=True)),
    case("rosenbrock", 100, call("Adam", lr=0.05, weightDecay=0.1, decoupledWeightDecay=True),
         lambda p: O.Adam(p, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)),
    case("himmelblau", 60, call("Adam", lr=0.1, weightDecay=0.2, amsgrad=True, decoupledWeightDecay=True),
         lambda p: O.Adam(p, lr=0.1, weight_decay=0.2, amsgrad=True, decoupled_weight_decay=True), exponential(0.95)),
    case("negatedBowl", 60, call("Adam", lr=0.1, weightDecay=0.05, maximize=True, decoupledWeightDecay=True),
         lambda p: O.Adam(p, lr=0.1, weight_decay=0.05, maximize=True, decoupled_weight_decay=True)),
    case("beale", 80, call("AMSGrad", lr=0.05, weightDecay=0.1, decoupledWeightDecay=True),
         lambda p: O.Adam(p, lr=0.05, weight_decay=0.1, amsgrad=True, decoupled_weight_decay=True)),
    case("negatedRosenbrock", 100, call("AMSGrad", lr=0.05, weightDecay=0.01, maximize=True, decoupledWeightDecay=True),
         lambda p: O.Adam(p, lr=0.05, weight_decay=0.01, amsgrad=True, maximize=True, decoupled_weight_decay=True)),
    case("negatedBowl", 60, call("AdamW", lr=0.1, weightDecay=0.1, amsgrad=True, maximize=True),
         lambda p: O.AdamW(p, lr=0.1, weight_decay=0.1, amsgrad=True, maximize=True)),
    case("negatedBowl", 60, call("Adamax", lr=0.1, betas=(0.85, 0.95), weightDecay=0.05, maximize=True),
         lambda p: O.Adamax(p, lr=0.1, betas=(0.85, 0.95), weight_decay=0.05, maximize=True)),
    case("negatedRosenbrock", 100, call("NAdam", lr=0.05, weightDecay=0.1, momentumDecay=0.01, maximize=True),
         lambda p: O.NAdam(p, lr=0.05, weight_decay=0.1, momentum_decay=0.01, maximize=True)),
    case("negatedBowl", 60, call("NAdam", lr=0.1, weightDecay=0.1, decoupledWeightDecay=True, maximize=True),
         lambda p: O.NAdam(p, lr=0.1, weight_decay=0.1, decoupled_weight_decay=True, maximize=True)),
    case("negatedRosenbrock", 200, call("RAdam", lr=0.01, weightDecay=0.1, maximize=True),
         lambda p: O.RAdam(p, lr=0.01, weight_decay=0.1, maximize=True)),
    case("negatedBowl", 60, call("RAdam", lr=0.1, weightDecay=0.05, decoupledWeightDecay=True, maximize=True),
         lambda p: O.RAdam(p, lr=0.1, weight_decay=0.05, decoupled_weight_decay=True, maximize=True)),
    # L-BFGS (max_iter=1 per step): torch negates the loss and the gradient.
    case("negatedRosenbrock", 60, *maximizing_lbfgs(0.5, "none")),
    case("negatedRosenbrock", 20, *maximizing_lbfgs(1, "strongWolfe")),
    case("negatedBowl", 20, *maximizing_lbfgs(1, "strongWolfe")),
]


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    out = {"generator": f"torch {torch.__version__} torch.optim, maximize and decoupled_weight_decay, float64 "
                        "(scripts/reference/flags.py)",
           "cases": [run(*c) for c in CASES]}
    for c in out["cases"]:
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), c["optimizer"]
    json.dump(out, sys.stdout, indent=1)
