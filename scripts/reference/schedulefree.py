"""Reference trajectories of schedule-free AdamW and SGD from the authors' package
(`schedulefree`, Defazio et al. 2024), its reference classes `AdamWScheduleFreeReference` and
`SGDScheduleFreeReference`, which keep x, y and z as the paper's Algorithm 1 does.

Objectives and loop as scripts/reference/generate.py, float64 parameters. Each case records
both sequences of one run: "trajectory" is y, the parameters in train mode, where every
gradient is taken; "averageTrajectory" is x, what `optimizer.eval()` puts into the parameters
(the state's "x"; the start before the first step). "lossBeforeEachStep" is f at y,
"averageLosses" f at x.

    /work/.venv-ref/bin/python scripts/reference/schedulefree.py > Tests/OptimizersTests/Fixtures/schedulefree-trajectories.json
"""
import contextlib
import importlib.metadata
import io
import json
import os
import sys
import warnings

import torch

# This script's own name would shadow the package: import it with the script's folder off the path.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [entry for entry in sys.path if os.path.abspath(entry or ".") != HERE]
import schedulefree  # noqa: E402
sys.path.insert(0, HERE)
from generate import OBJECTIVES, call, step_lr  # noqa: E402

SF = schedulefree


def adamw(**arguments):
    names = {"weightDecay": "weight_decay", "warmupSteps": "warmup_steps", "weightLrPower": "weight_lr_power",
             "decayAtZ": "decay_at_z"}
    torch_arguments = {names.get(k, k): v for k, v in arguments.items()}
    return call("ScheduleFreeAdamW", **arguments), lambda p: SF.AdamWScheduleFreeReference(p, **torch_arguments)


def sgd(**arguments):
    names = {"weightDecay": "weight_decay", "warmupSteps": "warmup_steps", "weightLrPower": "weight_lr_power"}
    torch_arguments = {names.get(k, k): v for k, v in arguments.items()}
    return call("ScheduleFreeSGD", **arguments), lambda p: SF.SGDScheduleFreeReference(p, **torch_arguments)


CASES = [
    # Schedule-free AdamW: defaults, each flag, warm-up with weight decay, on several objectives.
    ("bowl", 60, *adamw(lr=0.1)),
    ("rosenbrock", 150, *adamw(lr=0.02, warmupSteps=20, weightDecay=0.01)),
    ("himmelblau", 80, *adamw(lr=0.1, betas=(0.8, 0.99), eps=1e-6, weightDecay=0.05, warmupSteps=10)),
    ("beale", 100, *adamw(lr=0.05, r=1.0, weightLrPower=1.0)),
    ("trig", 60, *adamw(lr=0.2, weightDecay=0.1, decayAtZ=True, warmupSteps=5)),
    ("d2l", 50, *adamw(lr=0.3, betas=(0.0, 0.999))),
    ("saddle", 40, *adamw(lr=0.05, r=2.0, weightLrPower=0.0)),
    # Schedule-free SGD.
    ("bowl", 60, *sgd(lr=0.5)),
    ("d2l", 50, *sgd(lr=0.2, momentum=0.5, weightDecay=0.1)),
    ("rosenbrock", 150, *sgd(lr=0.001, warmupSteps=25, weightDecay=0.01)),
    ("himmelblau", 60, *sgd(lr=0.01, momentum=0.95, r=0.5, weightLrPower=3.0, warmupSteps=8)),
    ("trig", 60, *sgd(lr=0.3, momentum=0.1)),
]

# A torch scheduler on top: the package multiplies the group's lr, which the scheduler sets, by its warm-up.
SCHEDULED = [
    ("beale", 60, *sgd(lr=0.02, warmupSteps=10), step_lr(20, 0.5)),
    ("rosenbrock", 100, *adamw(lr=0.05, warmupSteps=10), step_lr(30, 0.5)),
]


def run(name, steps, text_structured, factory, schedule=None):
    text, structured = text_structured
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    # AdamWScheduleFreeReference prints its mode switches; they are not part of the JSON.
    with contextlib.redirect_stdout(io.StringIO()):
        opt.train()
    scheduler = schedule[2](opt) if schedule else None

    def average():
        state = opt.state[p]
        return state["x"] if "x" in state else p.detach()

    traj, averages = [list(map(float, p.detach()))], [list(map(float, average()))]
    losses, average_losses, rates = [], [float(fn(p[0], p[1]).detach())], []
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
        x = average().clone()
        averages.append(list(map(float, x)))
        average_losses.append(float(fn(x[0], x[1])))
    # What optimizer.eval() hands to an evaluation is the last average.
    with contextlib.redirect_stdout(io.StringIO()):
        opt.eval()
    assert list(map(float, p.detach())) == averages[-1]
    return {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps,
            "optimizer": text + (schedule[0] if schedule else ""), "call": structured,
            "schedule": schedule[1] if schedule else None,
            "trajectory": traj, "lossBeforeEachStep": losses, "learningRates": rates,
            "averageTrajectory": averages, "averageLosses": average_losses}


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    version = importlib.metadata.version("schedulefree")
    out = {"generator": f"torch {torch.__version__} with schedulefree {version} "
                        "(AdamWScheduleFreeReference, SGDScheduleFreeReference), float64 (scripts/reference/schedulefree.py)",
           "cases": [run(*c) for c in CASES] + [run(*c) for c in SCHEDULED]}
    print(json.dumps(out, indent=1))
