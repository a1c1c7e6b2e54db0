"""Reference trajectories for what ../shared/reference/torch-trajectories.json lacks:
schedules, L-BFGS with and without line search, and each method's non-default flags.

Adapted from /work/shared/reference/generate.py (same objectives, same loop). Each
case also carries its call as structured data ("call", "schedule") so that tests can
build the configuration without the directive parser, and the learning rate that
every step used ("learningRates").

    python3 -m venv .venv-ref && .venv-ref/bin/pip install torch
    .venv-ref/bin/python scripts/reference/generate.py > Tests/OptimizersTests/Fixtures/torch-extra-trajectories.json
"""
import json, math
import torch

# The default dtype stays float32, as in ../shared/reference/generate.py: PyTorch then keeps
# scalar state such as NAdam's mu_product in float32, and the engine reproduces that.

OBJECTIVES = {
    "bowl": ("{ x, y in x * x / 20 + y * y }", lambda x, y: x * x / 20 + y * y, (-7.0, 2.0)),
    "d2l": ("{ x, y in 0.1 * x * x + 2 * y * y }", lambda x, y: 0.1 * x * x + 2 * y * y, (-5.0, -2.0)),
    "rosenbrock": ("{ x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }",
                   lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2, (-1.5, 2.0)),
    "beale": ("{ x, y in pow(1.5 - x + x * y, 2) + pow(2.25 - x + x * y * y, 2) + pow(2.625 - x + x * y * y * y, 2) }",
              lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2, (1.0, 1.5)),
    "himmelblau": ("{ x, y in pow(x * x + y - 11, 2) + pow(x + y * y - 7, 2) }",
                   lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2, (0.5, -0.5)),
    "saddle": ("{ x, y in x * x - y * y }", lambda x, y: x * x - y * y, (-1.0, 0.001)),
    "trig": ("{ x, y in sin(x) * cos(y) + 0.1 * x * x + exp(0.1 * y) }",
             lambda x, y: torch.sin(x) * torch.cos(y) + 0.1 * x * x + torch.exp(0.1 * y), (1.0, 2.0)),
}

O = torch.optim
S = O.lr_scheduler


class Choice(str):
    """An implicit member such as .strongWolfe."""


def spell(value):
    if isinstance(value, Choice):
        return "." + value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "(" + ", ".join(spell(v) for v in value) + ")"
    return repr(value)


def encode(value):
    if isinstance(value, Choice):
        return {"choice": str(value)}
    if isinstance(value, tuple):
        return list(value)
    return value


def call(name, **arguments):
    text = f"{name}(" + ", ".join(f"{k}: {spell(v)}" for k, v in arguments.items()) + ")"
    return text, {"name": name, "arguments": [[k, encode(v)] for k, v in arguments.items()]}


# Schedules: (directive modifier text, structured form, torch factory).
def step_lr(every, gamma):
    return (f".schedule(.step(every: {every}, gamma: {gamma}))", {"kind": "step", "every": every, "gamma": gamma},
            lambda o: S.StepLR(o, step_size=every, gamma=gamma))


def exponential(gamma):
    return (f".schedule(.exponential(gamma: {gamma}))", {"kind": "exponential", "gamma": gamma},
            lambda o: S.ExponentialLR(o, gamma=gamma))


def cosine(steps, min_lr):
    return (f".schedule(.cosine(steps: {steps}, minLR: {min_lr}))", {"kind": "cosine", "steps": steps, "minLR": min_lr},
            lambda o: S.CosineAnnealingLR(o, T_max=steps, eta_min=min_lr))


def linear(start, end, steps):
    return (f".schedule(.linear(startFactor: {start}, endFactor: {end}, steps: {steps}))",
            {"kind": "linear", "startFactor": start, "endFactor": end, "steps": steps},
            lambda o: S.LinearLR(o, start_factor=start, end_factor=end, total_iters=steps))


def warmup_cosine(warm, start, steps):
    return (f".schedule(.warmup(steps: {warm}, startFactor: {start}), then: .cosine(steps: {steps}))",
            {"kind": "sequential", "first": {"kind": "warmup", "steps": warm, "startFactor": start},
             "then": {"kind": "cosine", "steps": steps, "minLR": 0.0}},
            lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=start, end_factor=1.0, total_iters=warm),
                                         S.CosineAnnealingLR(o, T_max=steps)], milestones=[warm]))


def warmup_step(warm, start, every, gamma):
    return (f".schedule(.warmup(steps: {warm}, startFactor: {start}), then: .step(every: {every}, gamma: {gamma}))",
            {"kind": "sequential", "first": {"kind": "warmup", "steps": warm, "startFactor": start},
             "then": {"kind": "step", "every": every, "gamma": gamma}},
            lambda o: S.SequentialLR(o, [S.LinearLR(o, start_factor=start, end_factor=1.0, total_iters=warm),
                                         S.StepLR(o, step_size=every, gamma=gamma)], milestones=[warm]))


def lbfgs(lr, history=100, line_search="strongWolfe", max_eval=None, **extra):
    arguments = {"lr": lr}
    if history != 100:
        arguments["historySize"] = history
    arguments["lineSearch"] = Choice(line_search)
    if max_eval is not None:
        arguments["maxEval"] = max_eval
    text, structured = call("LBFGS", **arguments)
    fn = "strong_wolfe" if line_search == "strongWolfe" else None
    return (text, structured), lambda p: O.LBFGS(p, lr=lr, max_iter=1, history_size=history, line_search_fn=fn,
                                               max_eval=max_eval)


def case(objective, steps, text_structured, factory, schedule=None):
    text, structured = text_structured
    return objective, steps, text, structured, factory, schedule


CASES = [
    # SGD's flags, and the Momentum / Nesterov spellings.
    case("bowl", 30, call("SGD", lr=0.05, momentum=0.9, dampening=0.5), lambda p: O.SGD(p, lr=0.05, momentum=0.9, dampening=0.5)),
    case("d2l", 40, call("SGD", lr=0.1, momentum=0.8, nesterov=True, weightDecay=0.05),
         lambda p: O.SGD(p, lr=0.1, momentum=0.8, nesterov=True, weight_decay=0.05)),
    case("bowl", 30, call("Momentum", lr=0.1), lambda p: O.SGD(p, lr=0.1, momentum=0.9)),
    case("rosenbrock", 100, call("Nesterov", lr=0.001, momentum=0.95), lambda p: O.SGD(p, lr=0.001, momentum=0.95, nesterov=True)),
    # AdaGrad, RMSProp, Adadelta flags.
    case("himmelblau", 50, call("AdaGrad", lr=0.5, lrDecay=0.01, weightDecay=0.1, initialAccumulatorValue=0.1, eps=1e-8),
         lambda p: O.Adagrad(p, lr=0.5, lr_decay=0.01, weight_decay=0.1, initial_accumulator_value=0.1, eps=1e-8)),
    case("rosenbrock", 100, call("RMSProp", lr=0.01, alpha=0.9, centered=True), lambda p: O.RMSprop(p, lr=0.01, alpha=0.9, centered=True)),
    case("bowl", 40, call("RMSProp", lr=0.01, weightDecay=0.01, momentum=0.9), lambda p: O.RMSprop(p, lr=0.01, momentum=0.9, weight_decay=0.01)),
    case("trig", 60, call("RMSProp", lr=0.005, eps=1e-6, momentum=0.5, centered=True),
         lambda p: O.RMSprop(p, lr=0.005, eps=1e-6, momentum=0.5, centered=True)),
    case("bowl", 50, call("Adadelta", lr=0.5, rho=0.95, eps=1e-5, weightDecay=0.1),
         lambda p: O.Adadelta(p, lr=0.5, rho=0.95, eps=1e-5, weight_decay=0.1)),
    # The Adam family's flags.
    case("himmelblau", 60, call("Adam", lr=0.1, betas=(0.8, 0.99), eps=1e-6, weightDecay=0.1),
         lambda p: O.Adam(p, lr=0.1, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    case("rosenbrock", 100, call("AMSGrad", lr=0.05), lambda p: O.Adam(p, lr=0.05, amsgrad=True)),
    case("beale", 80, call("AdamW", lr=0.05, weightDecay=0.1, amsgrad=True), lambda p: O.AdamW(p, lr=0.05, weight_decay=0.1, amsgrad=True)),
    case("d2l", 40, call("AdamW", lr=0.3), lambda p: O.AdamW(p, lr=0.3)),
    case("trig", 60, call("Adamax", lr=0.1, betas=(0.85, 0.95), weightDecay=0.05),
         lambda p: O.Adamax(p, lr=0.1, betas=(0.85, 0.95), weight_decay=0.05)),
    case("beale", 80, call("NAdam", lr=0.05, weightDecay=0.1, momentumDecay=0.01),
         lambda p: O.NAdam(p, lr=0.05, weight_decay=0.1, momentum_decay=0.01)),
    case("rosenbrock", 100, call("NAdam", lr=0.05, weightDecay=0.1, decoupledWeightDecay=True),
         lambda p: O.NAdam(p, lr=0.05, weight_decay=0.1, decoupled_weight_decay=True)),
    case("rosenbrock", 200, call("RAdam", lr=0.01, weightDecay=0.1), lambda p: O.RAdam(p, lr=0.01, weight_decay=0.1)),
    case("himmelblau", 60, call("RAdam", lr=0.1, betas=(0.9, 0.99), weightDecay=0.05, decoupledWeightDecay=True),
         lambda p: O.RAdam(p, lr=0.1, betas=(0.9, 0.99), weight_decay=0.05, decoupled_weight_decay=True)),
    # L-BFGS as LBFGS(max_iter=1) called once per step.
    case("rosenbrock", 60, *lbfgs(0.5, line_search="none")),
    case("himmelblau", 40, *lbfgs(0.1, history=2, line_search="none")),
    case("rosenbrock", 20, *lbfgs(1)),
    case("d2l", 20, *lbfgs(1)),
    case("rosenbrock", 60, *lbfgs(1, max_eval=25)),
    case("beale", 40, *lbfgs(1, history=3, max_eval=10)),
    case("trig", 30, *lbfgs(0.8, history=5, max_eval=4)),
    # Schedules, each stepped once per optimizer step.
    case("rosenbrock", 100, call("Adam", lr=0.1), lambda p: O.Adam(p, lr=0.1), step_lr(20, 0.5)),
    case("d2l", 60, call("SGD", lr=0.02, momentum=0.9), lambda p: O.SGD(p, lr=0.02, momentum=0.9), exponential(0.95)),
    case("rosenbrock", 200, call("Adam", lr=0.1), lambda p: O.Adam(p, lr=0.1), cosine(150, 0.001)),
    case("himmelblau", 40, call("Adam", lr=0.2), lambda p: O.Adam(p, lr=0.2), linear(0.01, 1.0, 10)),
    case("rosenbrock", 150, call("Adam", lr=0.1), lambda p: O.Adam(p, lr=0.1), warmup_cosine(10, 0.01, 140)),
    case("beale", 60, call("RMSProp", lr=0.05), lambda p: O.RMSprop(p, lr=0.05), warmup_step(5, 0.1, 10, 0.7)),
    case("bowl", 40, call("AdaGrad", lr=1.0, lrDecay=0.05), lambda p: O.Adagrad(p, lr=1.0, lr_decay=0.05), exponential(0.98)),
    case("rosenbrock", 40, *lbfgs(0.5, line_search="none"), step_lr(10, 0.5)),
    case("trig", 40, call("AdamW", lr=0.2, weightDecay=0.1), lambda p: O.AdamW(p, lr=0.2, weight_decay=0.1), cosine(20, 0.0)),
]


def run(name, steps, text, structured, factory, schedule):
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    scheduler = schedule[2](opt) if schedule else None
    traj = [list(map(float, p.detach()))]
    losses, rates = [], []
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
    return {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps,
            "optimizer": text + (schedule[0] if schedule else ""), "call": structured,
            "schedule": schedule[1] if schedule else None,
            "trajectory": traj, "lossBeforeEachStep": losses, "learningRates": rates}


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    out = {"generator": f"torch {torch.__version__} torch.optim, float64 (scripts/reference/generate.py)",
           "cases": [run(*c) for c in CASES]}
    for c in out["cases"]:
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), c["optimizer"]
    json.dump(out, __import__("sys").stdout, indent=1)
