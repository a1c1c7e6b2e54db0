"""Reference trajectories for torch.optim.SparseAdam, on the objectives and with the loop of
scripts/reference/generate.py (float64 parameters), plus three landscapes on which a partial
derivative is exactly zero for some steps, so that a coordinate drops out of the sparse gradient.

torch's SparseAdam refuses dense gradients; coursegen gives it the gradient as `to_sparse()`
does, so each step here sets `p.grad = dense_grad.to_sparse()` (exact zeros absent) before
`opt.step()`. Every case also records torch's moments `exp_avg`, `exp_avg_sq` after each step.

    /work/.venv-ref/bin/python scripts/reference/sparseadam.py > Tests/OptimizersTests/Fixtures/sparseadam-trajectories.json

With `network`, it writes instead a few SparseAdam steps of a small ReLU network (the model and
loss of scripts/reference/network_step.py), a new batch each step, whose hidden units are dead for
some batches: their weights have exactly zero gradient then, and keep their moments.

    /work/.venv-ref/bin/python scripts/reference/sparseadam.py network > Tests/NeuralNetworksTests/Fixtures/sparseadam-network.json
"""
import json, math, os, sys
import torch

sys.path.insert(0, os.path.dirname(__file__))
from generate import OBJECTIVES, O, call, case, cosine, exponential  # noqa: E402

relu = lambda t: torch.clamp(t, min=0)  # noqa: E731
# The partial derivative in y is exactly zero while y < 0 (hinge), or while y < x (kink, cap).
ZERO_PARTIALS = {
    "hinge": ("{ x, y in x * x / 20 + max(0, y) }", lambda x, y: x * x / 20 + relu(y), (-7.0, 0.35)),
    "kink": ("{ x, y in x * x + max(0, y - x) }", lambda x, y: x * x + relu(y - x), (2.0, 0.5)),
    "cap": ("{ x, y in -x * x - max(0, y - x) }", lambda x, y: -x * x - relu(y - x), (2.0, 0.5)),
}
OBJECTIVES = {**OBJECTIVES, **ZERO_PARTIALS}

CASES = [
    # Dense gradients: SparseAdam is Adam with ε added before the bias correction.
    case("rosenbrock", 100, call("SparseAdam", lr=0.01), lambda p: O.SparseAdam(p, lr=0.01)),
    case("himmelblau", 60, call("SparseAdam", lr=0.1, betas=(0.8, 0.99), eps=1e-6),
         lambda p: O.SparseAdam(p, lr=0.1, betas=(0.8, 0.99), eps=1e-6)),
    case("beale", 80, call("SparseAdam", lr=0.05, betas=(0.0, 0.5)), lambda p: O.SparseAdam(p, lr=0.05, betas=(0.0, 0.5)),
         exponential(0.97)),
    case("saddle", 30, call("SparseAdam", lr=0.01, maximize=True), lambda p: O.SparseAdam(p, lr=0.01, maximize=True)),
    # A coordinate absent for some steps: y stops on the hinge, drops out and comes back on the kink.
    case("hinge", 60, call("SparseAdam", lr=0.1), lambda p: O.SparseAdam(p, lr=0.1)),
    case("kink", 80, call("SparseAdam", lr=0.05, betas=(0.5, 0.9)), lambda p: O.SparseAdam(p, lr=0.05, betas=(0.5, 0.9))),
    case("kink", 60, call("SparseAdam", lr=0.1), lambda p: O.SparseAdam(p, lr=0.1), cosine(60, 0.001)),
    case("cap", 80, call("SparseAdam", lr=0.05, eps=1e-3, maximize=True),
         lambda p: O.SparseAdam(p, lr=0.05, eps=1e-3, maximize=True)),
]


def run(name, steps, text, structured, factory, schedule):
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    scheduler = schedule[2](opt) if schedule else None
    traj = [list(map(float, p.detach()))]
    losses, rates, first, second, absent = [], [], [], [], 0
    for _ in range(steps):
        opt.zero_grad()
        loss = fn(p[0], p[1])
        loss.backward()
        dense = p.grad
        absent += int((dense == 0).sum())
        p.grad = dense.to_sparse()
        losses.append(float(loss.detach()))
        rates.append(float(opt.param_groups[0]["lr"]))
        opt.step()
        if scheduler:
            scheduler.step()
        traj.append(list(map(float, p.detach())))
        first.append(list(map(float, opt.state[p]["exp_avg"])))
        second.append(list(map(float, opt.state[p]["exp_avg_sq"])))
    return {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps,
            "optimizer": text + (schedule[0] if schedule else ""), "call": structured,
            "schedule": schedule[1] if schedule else None,
            "trajectory": traj, "lossBeforeEachStep": losses, "learningRates": rates,
            "absentCoordinates": absent, "firstMomentAfterEachStep": first, "secondMomentAfterEachStep": second}


def network():
    """SparseAdam on nn.Sequential(Linear(4, 6), ReLU(), Linear(6, 3)), float64, mean cross-entropy."""
    torch.manual_seed(4)
    sizes, batch, steps = [4, 6, 3], 5, 6
    net = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.ReLU(), torch.nn.Linear(6, 3)).double()
    with torch.no_grad():
        torch.nn.init.kaiming_normal_(net[0].weight)
        torch.nn.init.kaiming_normal_(net[2].weight)
        # Biases that leave some hidden units dead for some batches and alive for others.
        net[0].bias.copy_(torch.tensor([-2.5, 0.3, -1.5, -4.0, 0.1, -2.0], dtype=torch.float64))
        net[2].bias.uniform_(-0.2, 0.2)
    flat = lambda ts: [float(v) for t in ts for v in t.detach().reshape(-1)]  # noqa: E731
    start = flat(net.parameters())
    generator = torch.Generator().manual_seed(44)
    x = torch.randn(batch * steps, sizes[0], generator=generator, dtype=torch.float64)
    y = torch.randint(0, sizes[-1], (batch * steps,), generator=generator)
    opt = O.SparseAdam(net.parameters(), lr=0.05, betas=(0.8, 0.99))
    after, absent, first = [], [], []
    for k in range(steps):
        opt.zero_grad()
        torch.nn.functional.cross_entropy(net(x[k * batch:(k + 1) * batch]), y[k * batch:(k + 1) * batch]).backward()
        zero = [int(v) for p in net.parameters() for v in (p.grad == 0).reshape(-1)]
        for p in net.parameters():
            p.grad = p.grad.to_sparse()
        opt.step()
        after.append(flat(net.parameters()))
        absent.append([i for i, z in enumerate(zero) if z])
        first.append(flat(opt.state[p]["exp_avg"] for p in net.parameters()))
    # Some coordinate had a moment (present earlier) and was absent later.
    assert any(i in absent[k] and first[k - 1][i] != 0 for k in range(1, steps) for i in range(len(start)))
    # And some coordinate was absent at one step and present at another.
    assert set().union(*absent) - set.intersection(*map(set, absent))
    return {"generator": f"torch {torch.__version__} torch.optim.SparseAdam, gradients given as to_sparse(), float64 "
                         "(scripts/reference/sparseadam.py network)",
            "optimizer": "SparseAdam(lr: 0.05, betas: (0.8, 0.99))", "inputSize": 4, "hidden": [6], "outputSize": 3,
            "batchSize": batch, "features": [float(v) for v in x.reshape(-1)], "labels": [int(v) for v in y],
            "parameters": start, "parametersAfterEachStep": after, "absentAtEachStep": absent,
            "firstMomentAfterEachStep": first}


if __name__ == "__main__" and sys.argv[1:] == ["network"]:
    json.dump(network(), sys.stdout, indent=1)
elif __name__ == "__main__":
    out = {"generator": f"torch {torch.__version__} torch.optim.SparseAdam, gradients given as to_sparse(), float64 "
                        "(scripts/reference/sparseadam.py)",
           "cases": [run(*c) for c in CASES]}
    for c in out["cases"]:
        assert all(math.isfinite(v) for pt in c["trajectory"] for v in pt), c["optimizer"]
        # The landscapes with a zero partial must exercise it, the others must not.
        assert (c["absentCoordinates"] > 0) == (c["objectiveName"] in ZERO_PARTIALS), c["optimizer"]
    json.dump(out, sys.stdout, indent=1)
