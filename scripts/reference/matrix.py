"""Reference trajectories for Adafactor and Muon, the two torch.optim methods that see shapes.

A landscape's point is one 1x2 matrix here, as coursegen's ParameterLayout.point says: torch's
Muon accepts only 2-D parameters, and Adafactor factors the second moment of any parameter with
more than one dimension. Same objectives and loop as generate.py, float64 parameters.

Also one training step of a small MLP for each method (as network_step.py), with Muon the way its
authors use it: Muon on the hidden weight matrices, AdamW on the biases and the first and last
layers' weights.

    /work/.venv-ref/bin/python scripts/reference/matrix.py
writes Tests/OptimizersTests/Fixtures/matrix-trajectories.json and
Tests/NeuralNetworksTests/Fixtures/matrix-network-step.json.
"""
import json, os, sys
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import OBJECTIVES, Choice, call  # noqa: E402
import network_step  # noqa: E402

O = torch.optim


def adafactor(objective, steps, **a):
    torch_args = {"lr": a.get("lr", 1e-2), "beta2_decay": a.get("beta2Decay", -0.8), "d": a.get("d", 1.0),
                  "weight_decay": a.get("weightDecay", 0.0), "maximize": a.get("maximize", False)}
    if "eps" in a:
        torch_args["eps"] = a["eps"]
    return objective, steps, call("Adafactor", **a), lambda p: O.Adafactor(p, **torch_args)


ADJUST = {"original": "original", "matchRMSAdamW": "match_rms_adamw", "spectralUnclamped": "spectral_unclamped"}


def muon(objective, steps, **a):
    torch_args = {"lr": a.get("lr", 1e-3), "weight_decay": a.get("weightDecay", 0.1), "momentum": a.get("momentum", 0.95),
                  "nesterov": a.get("nesterov", True),
                  "ns_coefficients": (a.get("nsA", 3.4445), a.get("nsB", -4.7750), a.get("nsC", 2.0315)),
                  "eps": a.get("eps", 1e-7), "ns_steps": a.get("nsSteps", 5),
                  "adjust_lr_fn": ADJUST[a["adjustLR"]] if "adjustLR" in a else None}
    shown = {k: (Choice(v) if k == "adjustLR" else v) for k, v in a.items()}
    return objective, steps, call("Muon", **shown), lambda p: O.Muon(p, **torch_args)


CASES = [
    adafactor("bowl", 60),
    adafactor("rosenbrock", 100, lr=0.1),
    adafactor("himmelblau", 60, lr=0.5, beta2Decay=-0.5, d=2.0),
    adafactor("beale", 80, lr=0.05, weightDecay=0.1, eps=(1e-10, 0.01)),
    adafactor("trig", 60, lr=0.2, maximize=True),
    adafactor("d2l", 40, lr=1.0, d=1.5, beta2Decay=-0.3),
    muon("bowl", 60, lr=0.05),
    muon("rosenbrock", 100, lr=0.01, weightDecay=0.0),
    muon("himmelblau", 60, lr=0.1, nesterov=False, momentum=0.9),
    muon("beale", 80, lr=0.02, adjustLR="matchRMSAdamW"),
    muon("trig", 60, lr=0.05, adjustLR="spectralUnclamped", weightDecay=0.01),
    muon("d2l", 50, lr=0.2, nsSteps=3, nsA=3.0, nsB=-3.2, nsC=1.2),
    muon("saddle", 40, lr=0.02, momentum=0.0),
]


def run(name, steps, text_structured, factory):
    text, structured = text_structured
    swift, fn, start = OBJECTIVES[name]
    p = torch.tensor([start], dtype=torch.float64, requires_grad=True)
    opt = factory([p])
    traj = [list(map(float, p.detach()[0]))]
    losses, rates = [], []
    for _ in range(steps):
        opt.zero_grad()
        loss = fn(p[0, 0], p[0, 1])
        losses.append(float(loss.detach()))
        rates.append(float(opt.param_groups[0]["lr"]))
        loss.backward()
        opt.step()
        traj.append(list(map(float, p.detach()[0])))
    return {"objective": swift, "objectiveName": name, "start": list(start), "steps": steps,
            "optimizer": text, "call": structured, "schedule": None,
            "trajectory": traj, "lossBeforeEachStep": losses, "learningRates": rates}


def newton_schulz_cases():
    """torch's Newton–Schulz on bfloat16 matrices larger than a point, where its float32 sums may
    round differently from OpenBLAS's: the test states and checks the bound."""
    from torch.optim._muon import _zeropower_via_newtonschulz
    generator = torch.Generator().manual_seed(5)
    cases = []
    for rows, columns in [(3, 4), (5, 3), (8, 8), (16, 6), (32, 64), (100, 100)]:
        g = torch.randn(rows, columns, generator=generator, dtype=torch.float64)
        out = _zeropower_via_newtonschulz(g, (3.4445, -4.7750, 2.0315), 5, 1e-7).to(torch.float64)
        cases.append({"rows": rows, "columns": columns, "input": [float(v) for v in g.reshape(-1)],
                      "output": [float(v) for v in out.reshape(-1)]})
    return cases


def muon_with_adamw(net):
    linears = [m for m in net if isinstance(m, torch.nn.Linear)]
    hidden = [m.weight for m in linears[1:-1]]
    rest = [p for p in net.parameters() if not any(p is h for h in hidden)]
    muon = O.Muon(hidden, lr=0.02, weight_decay=0.1, momentum=0.95)
    adamw = O.AdamW(rest, lr=3e-4, weight_decay=0.01)

    class Both:
        def zero_grad(self):
            muon.zero_grad()
            adamw.zero_grad()

        def step(self):
            muon.step()
            adamw.step()
    return Both()


NETWORK_OPTIMIZERS = [
    ("Muon(lr: 0.02)", muon_with_adamw),
    ("Adafactor(lr: 0.05)", lambda net: O.Adafactor(net.parameters(), lr=0.05)),
    ("Adafactor(lr: 0.05, weightDecay: 0.1, maximize: false)",
     lambda net: O.Adafactor(net.parameters(), lr=0.05, weight_decay=0.1)),
]

NETWORK_CASES = [
    ("relu-two-hidden", "relu", [6, 5, 4, 3], 0.0, True, 7, 11),
    ("tanh-three-hidden", "tanh", [4, 6, 5, 3, 3], 0.01, True, 6, 12),
    ("sigmoid-no-bias", "sigmoid", [5, 4, 4, 2], 0.0, False, 5, 13),
]


def network_case(name, activation, sizes, l2, bias, batch, seed):
    net = network_step.build(activation, sizes, bias, seed)
    generator = torch.Generator().manual_seed(100 + seed)
    x = torch.randn(batch, sizes[0], generator=generator, dtype=torch.float64)
    y = torch.randint(0, sizes[-1], (batch,), generator=generator)
    start = network_step.flat(net.parameters())
    loss = network_step.loss_of(net, x, y, l2)
    loss.backward()
    gradient = network_step.flat(p.grad for p in net.parameters())
    after = []
    for text, factory in NETWORK_OPTIMIZERS:
        stepped = network_step.build(activation, sizes, bias, seed)
        opt = factory(stepped)
        for _ in range(2):
            opt.zero_grad()
            network_step.loss_of(stepped, x, y, l2).backward()
            opt.step()
            after.append({"optimizer": text, "parameters": network_step.flat(stepped.parameters())})
    return {"name": name, "activation": activation, "inputSize": sizes[0], "hidden": sizes[1:-1],
            "outputSize": sizes[-1], "l2": l2, "bias": bias,
            "features": [float(v) for v in x.reshape(-1)], "labels": [int(v) for v in y],
            "parameters": start, "loss": float(loss), "gradient": gradient, "after": after}


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")
    torch.set_default_dtype(torch.float32)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    trajectories = {"generator": f"torch {torch.__version__} torch.optim.Adafactor and Muon on a 1x2 parameter, float64 "
                                 "(scripts/reference/matrix.py)",
                    "cases": [run(*c) for c in CASES], "newtonSchulz": newton_schulz_cases()}
    with open(os.path.join(root, "Tests/OptimizersTests/Fixtures/matrix-trajectories.json"), "w") as f:
        json.dump(trajectories, f, indent=1)
        f.write("\n")
    torch.set_default_dtype(torch.float64)
    network = {"generator": f"torch {torch.__version__}, two steps of Muon (with AdamW on the rest) and Adafactor, "
                            "float64 (scripts/reference/matrix.py)",
               "cases": [network_case(*c) for c in NETWORK_CASES]}
    with open(os.path.join(root, "Tests/NeuralNetworksTests/Fixtures/matrix-network-step.json"), "w") as f:
        json.dump(network, f, indent=1)
        f.write("\n")
