"""Reference runs for every torch.optim.lr_scheduler class the course added in issue 17:
MultiStepLR, ConstantLR, PolynomialLR, CosineAnnealingWarmRestarts, CyclicLR, OneCycleLR,
ReduceLROnPlateau, ChainedScheduler, LambdaLR and MultiplicativeLR, alone and after SequentialLR's
milestone, on the objectives and loop of scripts/reference/generate.py (float64 parameters).

Each case is its directive text and torch's run: the point after every step, the learning rate
and, for a scheduler that cycles it, the momentum (μ, or β₁) every step used. The loop is a
PyTorch training loop: loss = f(x); loss.backward(); optimizer.step(); scheduler.step(), with
ReduceLROnPlateau stepped on that loss.

    /work/.venv-ref/bin/python scripts/reference/schedules.py > Tests/OptimizersTests/Fixtures/schedules-trajectories.json
"""
import json, math, sys
import torch

sys.path.insert(0, __import__("os").path.dirname(__file__))
from generate import OBJECTIVES  # noqa: E402  the same objectives, as directive text and torch functions

O = torch.optim
S = O.lr_scheduler


def seq(first, second, milestone):
    return lambda o: S.SequentialLR(o, [first(o), second(o)], milestones=[milestone])


def chain(*parts):
    return lambda o: S.ChainedScheduler([p(o) for p in parts])


PLATEAU = "plateau"

# (objective, steps, directive call, optimizer, scheduler[, "plateau"])
CASES = [
    ("bowl", 40, "SGD(lr: 0.1).schedule(.multiStep(milestones: [5, 12, 12, 30], gamma: 0.5))",
     lambda p: O.SGD(p, lr=0.1), lambda o: S.MultiStepLR(o, milestones=[5, 12, 12, 30], gamma=0.5)),
    ("d2l", 20, "Adam(lr: 0.3).schedule(.multiStep(milestones: [0, 10]))",
     lambda p: O.Adam(p, lr=0.3), lambda o: S.MultiStepLR(o, milestones=[0, 10])),
    ("d2l", 30, "SGD(lr: 0.1, momentum: 0.9).schedule(.constant(factor: 0.25, steps: 10))",
     lambda p: O.SGD(p, lr=0.1, momentum=0.9), lambda o: S.ConstantLR(o, factor=0.25, total_iters=10)),
    ("himmelblau", 20, "Adam(lr: 0.2).schedule(.constant())",
     lambda p: O.Adam(p, lr=0.2), lambda o: S.ConstantLR(o)),
    ("rosenbrock", 30, "Adam(lr: 0.3).schedule(.polynomial(steps: 20, power: 2))",
     lambda p: O.Adam(p, lr=0.3), lambda o: S.PolynomialLR(o, total_iters=20, power=2.0)),
    ("bowl", 12, "SGD(lr: 0.5).schedule(.polynomial())",
     lambda p: O.SGD(p, lr=0.5), lambda o: S.PolynomialLR(o)),
    ("bowl", 50, "SGD(lr: 0.1).schedule(.cosineRestarts(steps: 5, multiplier: 2, minLR: 0.01))",
     lambda p: O.SGD(p, lr=0.1), lambda o: S.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.01)),
    ("himmelblau", 30, "Adam(lr: 0.05).schedule(.cosineRestarts(steps: 7))",
     lambda p: O.Adam(p, lr=0.05), lambda o: S.CosineAnnealingWarmRestarts(o, T_0=7)),
    ("d2l", 40, "SGD(lr: 0.01, momentum: 0.9).schedule(.cyclic(maxLR: 0.1, stepsUp: 4, stepsDown: 6))",
     lambda p: O.SGD(p, lr=0.01, momentum=0.9), lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=4, step_size_down=6)),
    ("beale", 50, "Adam(lr: 0.01).schedule(.cyclic(maxLR: 0.2, stepsUp: 5, mode: .triangular2))",
     lambda p: O.Adam(p, lr=0.01), lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.2, step_size_up=5, mode="triangular2")),
    ("trig", 40, "RMSProp(lr: 0.001, momentum: 0.5).schedule(.cyclic(maxLR: 0.01, stepsUp: 3, mode: .expRange, gamma: 0.97))",
     lambda p: O.RMSprop(p, lr=0.001, momentum=0.5),
     lambda o: S.CyclicLR(o, base_lr=0.001, max_lr=0.01, step_size_up=3, mode="exp_range", gamma=0.97)),
    ("bowl", 30, "SGD(lr: 0.01).schedule(.cyclic(maxLR: 0.1, stepsUp: 3, scale: { x in 1 / (1 + 0.5 * x) }, scaleMode: .iterations, cycleMomentum: false))",
     lambda p: O.SGD(p, lr=0.01),
     lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=3, scale_fn=lambda x: 1 / (1 + 0.5 * x),
                          scale_mode="iterations", cycle_momentum=False)),
    ("d2l", 24, "Adamax(lr: 0.01).schedule(.cyclic(maxLR: 0.3, stepsUp: 4, scale: { c in pow(0.8, c) }, baseMomentum: 0.7, maxMomentum: 0.95))",
     lambda p: O.Adamax(p, lr=0.01),
     lambda o: S.CyclicLR(o, base_lr=0.01, max_lr=0.3, step_size_up=4, scale_fn=lambda c: 0.8 ** c,
                          base_momentum=0.7, max_momentum=0.95)),
    ("bowl", 30, "SGD(lr: 0.1, momentum: 0.9).schedule(.oneCycle(steps: 30))",
     lambda p: O.SGD(p, lr=0.1, momentum=0.9), lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=30)),
    ("himmelblau", 40, "Adam(lr: 0.1).schedule(.oneCycle(steps: 40, maxLR: 0.3, anneal: .linear, divFactor: 10, finalDivFactor: 100, threePhase: true))",
     lambda p: O.Adam(p, lr=0.1),
     lambda o: S.OneCycleLR(o, max_lr=0.3, total_steps=40, anneal_strategy="linear", div_factor=10.0,
                            final_div_factor=100.0, three_phase=True)),
    ("d2l", 25, "NAdam(lr: 0.05).schedule(.oneCycle(steps: 25, pctStart: 0.25))",
     lambda p: O.NAdam(p, lr=0.05), lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=25, pct_start=0.25)),
    ("rosenbrock", 30, "RAdam(lr: 0.01).schedule(.oneCycle(steps: 31, maxLR: 0.05, threePhase: true))",
     lambda p: O.RAdam(p, lr=0.01), lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=31, three_phase=True)),
    ("bowl", 20, "AdaGrad(lr: 0.5).schedule(.oneCycle(steps: 20, cycleMomentum: false))",
     lambda p: O.Adagrad(p, lr=0.5), lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=20, cycle_momentum=False)),
    ("himmelblau", 60, "Adam(lr: 0.5).schedule(.plateau(factor: 0.5, patience: 2))",
     lambda p: O.Adam(p, lr=0.5), lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=2), PLATEAU),
    ("d2l", 40, "SGD(lr: 0.45).schedule(.plateau(factor: 0.5, patience: 1, threshold: 0.01, thresholdMode: .abs, cooldown: 2, minLR: 0.05))",
     lambda p: O.SGD(p, lr=0.45),
     lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=1, threshold=0.01, threshold_mode="abs", cooldown=2, min_lr=0.05), PLATEAU),
    ("bowl", 30, "Adam(lr: 0.3).schedule(.plateau(mode: .max, factor: 0.7, patience: 3, thresholdMode: .abs))",
     lambda p: O.Adam(p, lr=0.3), lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.7, patience=3, threshold_mode="abs"), PLATEAU),
    ("saddle", 25, "SGD(lr: 0.05).schedule(.plateau(mode: .max, factor: 0.5, patience: 0, threshold: 0.2, eps: 0.01))",
     lambda p: O.SGD(p, lr=0.05), lambda o: S.ReduceLROnPlateau(o, mode="max", factor=0.5, patience=0, threshold=0.2, eps=0.01), PLATEAU),
    ("bowl", 20, "SGD(lr: 0.1).schedule(.chained(.constant(factor: 0.5, steps: 4), .exponential(gamma: 0.9), .multiStep(milestones: [10], gamma: 0.1)))",
     lambda p: O.SGD(p, lr=0.1),
     chain(lambda o: S.ConstantLR(o, factor=0.5, total_iters=4), lambda o: S.ExponentialLR(o, gamma=0.9),
           lambda o: S.MultiStepLR(o, milestones=[10], gamma=0.1))),
    ("d2l", 25, "Adam(lr: 0.2).schedule(.chained(.linear(startFactor: 0.2, steps: 5), .cosine(steps: 20, minLR: 0.001)))",
     lambda p: O.Adam(p, lr=0.2),
     chain(lambda o: S.LinearLR(o, start_factor=0.2, total_iters=5), lambda o: S.CosineAnnealingLR(o, T_max=20, eta_min=0.001))),
    ("beale", 30, "Adam(lr: 0.1).schedule(.lambda { step in pow(0.95, step) })",
     lambda p: O.Adam(p, lr=0.1), lambda o: S.LambdaLR(o, lambda step: 0.95 ** step)),
    ("bowl", 30, "SGD(lr: 0.1).schedule(.lambda { epoch in 1 / (1 + 0.1 * epoch) })",
     lambda p: O.SGD(p, lr=0.1), lambda o: S.LambdaLR(o, lambda epoch: 1 / (1 + 0.1 * epoch))),
    ("d2l", 20, "SGD(lr: 0.1, momentum: 0.5).schedule(.multiplicative { step in 0.97 })",
     lambda p: O.SGD(p, lr=0.1, momentum=0.5), lambda o: S.MultiplicativeLR(o, lambda step: 0.97)),
    ("bowl", 25, "SGD(lr: 0.1).schedule(.constant(factor: 0.1, steps: 5), then: .cosineRestarts(steps: 6))",
     lambda p: O.SGD(p, lr=0.1),
     seq(lambda o: S.ConstantLR(o, factor=0.1, total_iters=5), lambda o: S.CosineAnnealingWarmRestarts(o, T_0=6), 5)),
    ("d2l", 25, "Adam(lr: 0.2).schedule(.warmup(steps: 5, startFactor: 0.1), then: .multiStep(milestones: [5, 10], gamma: 0.5))",
     lambda p: O.Adam(p, lr=0.2),
     seq(lambda o: S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=5),
         lambda o: S.MultiStepLR(o, milestones=[5, 10], gamma=0.5), 5)),
    ("bowl", 20, "SGD(lr: 0.2).schedule(.polynomial(steps: 8, power: 0.5), then: .lambda { step in pow(0.9, step) })",
     lambda p: O.SGD(p, lr=0.2),
     seq(lambda o: S.PolynomialLR(o, total_iters=8, power=0.5), lambda o: S.LambdaLR(o, lambda step: 0.9 ** step), 8)),
    ("bowl", 20, "SGD(lr: 0.1, momentum: 0.9).schedule(.oneCycle(steps: 10), then: .exponential(gamma: 0.9))",
     lambda p: O.SGD(p, lr=0.1, momentum=0.9),
     seq(lambda o: S.OneCycleLR(o, max_lr=0.1, total_steps=10), lambda o: S.ExponentialLR(o, gamma=0.9), 10)),
    ("d2l", 20, "SGD(lr: 0.05, momentum: 0.9).schedule(.warmup(steps: 4), then: .cyclic(maxLR: 0.2, stepsUp: 3))",
     lambda p: O.SGD(p, lr=0.05, momentum=0.9),
     seq(lambda o: S.LinearLR(o, total_iters=4), lambda o: S.CyclicLR(o, base_lr=0.05, max_lr=0.2, step_size_up=3), 4)),
]


def momentum(group):
    return group["betas"][0] if "betas" in group else group.get("momentum")


def run(name, steps, text, factory, schedule, kind=None):
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    scheduler = schedule(opt)
    cycles = "cycle_momentum=False" not in text and ("cyclic" in text or "oneCycle" in text) and "cycleMomentum: false" not in text
    traj = [list(map(float, p.detach()))]
    rates, momenta = [], []
    for _ in range(steps):
        group = opt.param_groups[0]
        rates.append(float(group["lr"]))
        momenta.append(float(momentum(group)) if cycles else None)
        opt.zero_grad()
        loss = fn(p[0], p[1])
        loss.backward()
        opt.step()
        if kind == PLATEAU:
            scheduler.step(float(loss.detach()))
        else:
            scheduler.step()
        traj.append(list(map(float, p.detach())))
    return {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps, "optimizer": text,
            "trajectory": traj, "learningRates": rates, "momenta": momenta if cycles else None}


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    out = {"generator": f"torch {torch.__version__} torch.optim.lr_scheduler, float64 (scripts/reference/schedules.py)",
           "schedulers": sorted(n for n in dir(S) if isinstance(getattr(S, n), type) and issubclass(getattr(S, n), S.LRScheduler)
                                and not n.startswith("_") and n != "LRScheduler"),
           "cases": [run(*c) for c in CASES]}
    for c in out["cases"]:
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), c["optimizer"]
    json.dump(out, sys.stdout, indent=1)
