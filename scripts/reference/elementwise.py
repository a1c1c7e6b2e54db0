"""Reference trajectories for ASGD and Rprop (torch.optim), Lion (lion-pytorch) and Yogi
(pytorch-optimizer), on the objectives and with the loop of scripts/reference/generate.py:
float64 parameters, default dtype float32 (so torch keeps ASGD's eta and mu in float32, as it
does for everyone), every non-default flag of each method, and a schedule for each.

ASGD cases also record torch's averaged iterate `state["ax"]` after every step.

    /work/.venv-ref/bin/python scripts/reference/elementwise.py > Tests/OptimizersTests/Fixtures/elementwise-trajectories.json
"""
import json, math, sys
import torch
import lion_pytorch
import pytorch_optimizer
from importlib.metadata import version

sys.path.insert(0, __import__("os").path.dirname(__file__))
from generate import OBJECTIVES, O, call, case, step_lr, exponential, cosine, warmup_cosine  # noqa: E402

Lion = lion_pytorch.Lion
Yogi = pytorch_optimizer.Yogi

CASES = [
    # ASGD: defaults (t0 = 1e6, so the average is a copy), averaging from t0 on, weight decay, maximize.
    case("bowl", 40, call("ASGD", lr=0.1), lambda p: O.ASGD(p, lr=0.1)),
    case("rosenbrock", 100, call("ASGD", lr=0.001, lambd=0.01, alpha=0.5, t0=10.0, weightDecay=0.01),
         lambda p: O.ASGD(p, lr=0.001, lambd=0.01, alpha=0.5, t0=10.0, weight_decay=0.01)),
    case("himmelblau", 60, call("ASGD", lr=0.01, lambd=1.0, alpha=1.0, t0=3.0),
         lambda p: O.ASGD(p, lr=0.01, lambd=1.0, alpha=1.0, t0=3.0)),
    case("saddle", 30, call("ASGD", lr=0.05, t0=0.0, weightDecay=0.1, maximize=True),
         lambda p: O.ASGD(p, lr=0.05, t0=0.0, weight_decay=0.1, maximize=True)),
    case("d2l", 40, call("ASGD", lr=0.2, lambd=0.1, t0=5.0), lambda p: O.ASGD(p, lr=0.2, lambd=0.1, t0=5.0),
         exponential(0.9)),
    # Rprop: defaults, both pairs, maximize, and a schedule (which torch's Rprop ignores after step 1).
    case("rosenbrock", 100, call("Rprop", lr=0.01), lambda p: O.Rprop(p, lr=0.01)),
    case("beale", 60, call("Rprop", lr=0.05, etas=(0.3, 1.5), stepSizes=(1e-3, 0.5)),
         lambda p: O.Rprop(p, lr=0.05, etas=(0.3, 1.5), step_sizes=(1e-3, 0.5))),
    case("trig", 50, call("Rprop", lr=0.1, etas=(0.5, 1.1)), lambda p: O.Rprop(p, lr=0.1, etas=(0.5, 1.1))),
    case("saddle", 40, call("Rprop", lr=0.1, stepSizes=(1e-6, 1.0), maximize=True),
         lambda p: O.Rprop(p, lr=0.1, step_sizes=(1e-6, 1.0), maximize=True)),
    case("bowl", 40, call("Rprop", lr=0.5), lambda p: O.Rprop(p, lr=0.5), step_lr(10, 0.5)),
    # Lion: betas at the ends of lion-pytorch's closed range, coupled-to-lr and decoupled decay.
    case("rosenbrock", 100, call("Lion", lr=0.01), lambda p: Lion(p, lr=0.01)),
    case("himmelblau", 60, call("Lion", lr=0.05, betas=(0.95, 0.98), weightDecay=0.1),
         lambda p: Lion(p, lr=0.05, betas=(0.95, 0.98), weight_decay=0.1)),
    case("d2l", 30, call("Lion", lr=0.1, betas=(1.0, 0.0)), lambda p: Lion(p, lr=0.1, betas=(1.0, 0.0))),
    case("beale", 80, call("Lion", lr=0.01, weightDecay=0.02, decoupledWeightDecay=True),
         lambda p: Lion(p, lr=0.01, weight_decay=0.02, decoupled_weight_decay=True), cosine(60, 0.001)),
    case("trig", 60, call("Lion", lr=0.02, weightDecay=0.2), lambda p: Lion(p, lr=0.02, weight_decay=0.2),
         warmup_cosine(10, 0.1, 50)),
    # Yogi: decoupled (its default), coupled and fixed decay, its accumulator, eps, maximize.
    case("rosenbrock", 100, call("Yogi", lr=0.05), lambda p: Yogi(p, lr=0.05)),
    case("himmelblau", 60, call("Yogi", lr=0.1, betas=(0.8, 0.99), weightDecay=0.1),
         lambda p: Yogi(p, lr=0.1, betas=(0.8, 0.99), weight_decay=0.1)),
    case("beale", 80, call("Yogi", lr=0.05, initialAccumulator=0.01, weightDecay=0.1, decoupledWeightDecay=False, eps=1e-6),
         lambda p: Yogi(p, lr=0.05, initial_accumulator=0.01, weight_decay=0.1, weight_decouple=False, eps=1e-6)),
    case("trig", 60, call("Yogi", lr=0.05, betas=(0.3, 0.9), weightDecay=0.05, fixedDecay=True),
         lambda p: Yogi(p, lr=0.05, betas=(0.3, 0.9), weight_decay=0.05, fixed_decay=True)),
    case("saddle", 30, call("Yogi", lr=0.01, maximize=True), lambda p: Yogi(p, lr=0.01, maximize=True)),
    case("d2l", 60, call("Yogi", lr=0.3), lambda p: Yogi(p, lr=0.3), exponential(0.95)),
]


def run(name, steps, text, structured, factory, schedule):
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    scheduler = schedule[2](opt) if schedule else None
    traj = [list(map(float, p.detach()))]
    losses, rates, averages = [], [], []
    for _ in range(steps):
        def closure():
            opt.zero_grad()
            loss = fn(p[0], p[1])
            loss.backward()
            return loss
        losses.append(float(fn(p[0], p[1]).detach()))
        rates.append(float(opt.param_groups[0]["lr"]))
        opt.step(closure)
        if scheduler:
            scheduler.step()
        traj.append(list(map(float, p.detach())))
        if "ax" in opt.state[p]:
            averages.append(list(map(float, opt.state[p]["ax"])))
    result = {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps,
              "optimizer": text + (schedule[0] if schedule else ""), "call": structured,
              "schedule": schedule[1] if schedule else None,
              "trajectory": traj, "lossBeforeEachStep": losses, "learningRates": rates}
    if averages:
        result["averageAfterEachStep"] = averages
    return result


def per_parameter(factory):
    """The same Yogi with pytorch-optimizer's per-parameter loop instead of its foreach one."""
    def make(params):
        opt = factory(params)
        for group in opt.param_groups:
            group["foreach"] = False
        return opt
    return make


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    out = {"generator": f"torch {torch.__version__} torch.optim (ASGD, Rprop), lion-pytorch {version('lion-pytorch')} (Lion), "
                        f"pytorch-optimizer {version('pytorch_optimizer')} (Yogi), float64 (scripts/reference/elementwise.py)",
           "cases": [run(*c) for c in CASES]}
    for c, spec in zip(out["cases"], CASES):
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), c["optimizer"]
        if c["call"]["name"] == "Yogi":
            # pytorch-optimizer's two loops must agree, or the reference would depend on which ran.
            other = run(spec[0], spec[1], spec[2], spec[3], per_parameter(spec[4]), spec[5])
            assert other["trajectory"] == c["trajectory"], c["optimizer"]
    json.dump(out, sys.stdout, indent=1)
