"""Reference for batch normalisation and gradient clipping in coursegen's networks: a few training
steps of a small MLP in torch, float64.

Writes Tests/NeuralNetworksTests/Fixtures/batchnorm.json:

    /work/.venv-ref/bin/python scripts/reference/batchnorm.py > Tests/NeuralNetworksTests/Fixtures/batchnorm.json

With `batchNorm`, each hidden layer is nn.Linear(bias=False) -> nn.BatchNorm1d -> activation, as
Ioffe & Szegedy (2015, section 3.2) and Deep Learning from Scratch (6.3) place it: the linear bias is
dropped because the batch mean cancels it (beta takes its place). The output layer keeps its bias.
BatchNorm1d has torch's defaults: eps 1e-5, momentum 0.1, gamma 1, beta 0, running mean 0 and
running variance 1, updated in training with the batch's unbiased variance.

Each case fixes the weights (torch.nn.init, seeded) and a dataset, and trains a few steps, a new
batch each step, with the loop

    opt.zero_grad(); loss = cross_entropy(net(x_k), y_k) [+ (l2/2) sum ||W||^2]; loss.backward()
    total = clip_grad_norm_(params, max_norm) or clip_grad_value_(params, v) or the plain norm
    opt.step()

recording, per step: the loss, the gradient before clipping, its total 2-norm (what
clip_grad_norm_ returns), the parameters after the step, the running statistics, and the
eval-mode logits (net.eval(), running statistics) of a held-out batch.
"""
import json, sys
import torch

torch.set_default_dtype(torch.float64)

ACTIVATIONS = {"relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh}

OPTIMIZERS = {
    "SGD(lr: 0.1)": lambda p: torch.optim.SGD(p, lr=0.1),
    "SGD(lr: 0.05, momentum: 0.9)": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    "Adam(lr: 0.01)": lambda p: torch.optim.Adam(p, lr=0.01),
}

# name, activation, sizes, batchNorm, clip ("norm"/"value", threshold) or None, l2, optimizer, batch, steps, seed
CASES = [
    ("bn-relu-sgd", "relu", [5, 7, 6, 3], True, None, 0.0, "SGD(lr: 0.1)", 8, 5, 1),
    ("bn-relu-adam", "relu", [5, 7, 6, 3], True, None, 0.0, "Adam(lr: 0.01)", 8, 5, 1),
    ("bn-tanh-momentum-l2", "tanh", [4, 6, 3], True, None, 0.01, "SGD(lr: 0.05, momentum: 0.9)", 6, 4, 2),
    ("bn-sigmoid-batch2", "sigmoid", [3, 5, 2], True, None, 0.0, "Adam(lr: 0.01)", 2, 4, 3),
    ("clip-norm-sgd", "relu", [5, 7, 6, 3], False, ("norm", 0.5), 0.0, "SGD(lr: 0.1)", 8, 5, 4),
    ("clip-norm-adam-bn", "relu", [5, 7, 6, 3], True, ("norm", 0.3), 0.0, "Adam(lr: 0.01)", 8, 5, 5),
    ("clip-value-sgd", "tanh", [5, 7, 3], False, ("value", 0.05), 0.0, "SGD(lr: 0.1)", 8, 5, 6),
    ("clip-value-adam-bn", "relu", [5, 7, 6, 3], True, ("value", 0.02), 0.01, "Adam(lr: 0.01)", 8, 5, 7),
]


def build(activation, sizes, batch_norm, seed):
    torch.manual_seed(seed)
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        hidden = i < len(sizes) - 2
        linear = torch.nn.Linear(a, b, bias=not (hidden and batch_norm))
        torch.nn.init.kaiming_normal_(linear.weight)
        if linear.bias is not None:
            torch.nn.init.uniform_(linear.bias, -0.2, 0.2)
        layers.append(linear)
        if hidden:
            if batch_norm:
                layers.append(torch.nn.BatchNorm1d(b))
            layers.append(ACTIVATIONS[activation]())
    return torch.nn.Sequential(*layers)


def flat(tensors):
    return [float(v) for t in tensors for v in t.detach().reshape(-1)]


def case(name, activation, sizes, batch_norm, clip, l2, optimizer, batch, steps, seed):
    net = build(activation, sizes, batch_norm, seed)
    generator = torch.Generator().manual_seed(200 + seed)
    # Features off-centre and of unequal scales, so that normalising changes them.
    scale = torch.linspace(0.5, 3, sizes[0])
    x = torch.randn(batch * steps, sizes[0], generator=generator) * scale + 1.5
    y = torch.randint(0, sizes[-1], (batch * steps,), generator=generator)
    held_out = torch.randn(5, sizes[0], generator=generator) * scale + 1.5
    start = flat(net.parameters())
    norms = [m for m in net if isinstance(m, torch.nn.BatchNorm1d)]
    opt = OPTIMIZERS[optimizer](net.parameters())
    records = []
    for k in range(steps):
        net.train()
        opt.zero_grad()
        xb, yb = x[k * batch:(k + 1) * batch], y[k * batch:(k + 1) * batch]
        loss = torch.nn.functional.cross_entropy(net(xb), yb)
        if l2 > 0:
            loss = loss + 0.5 * l2 * sum((m.weight ** 2).sum() for m in net if isinstance(m, torch.nn.Linear))
        loss.backward()
        gradient = flat(p.grad for p in net.parameters())
        if clip and clip[0] == "norm":
            total = float(torch.nn.utils.clip_grad_norm_(net.parameters(), clip[1]))
            assert total > clip[1], f"{name}: step {k + 1} is not clipped"
        else:
            total = float(torch.nn.utils.get_total_norm([p.grad for p in net.parameters()]))
            if clip:
                before = torch.cat([p.grad.reshape(-1) for p in net.parameters()])
                torch.nn.utils.clip_grad_value_(net.parameters(), clip[1])
                clipped = int((before.abs() > clip[1]).sum())
                assert 0 < clipped < len(before), f"{name}: step {k + 1} clips {clipped} of {len(before)}"
        opt.step()
        net.eval()
        with torch.no_grad():
            logits = net(held_out)
        records.append({
            "loss": float(loss.detach()), "gradient": gradient, "gradientNorm": total,
            "parameters": flat(net.parameters()),
            "runningMean": flat(m.running_mean for m in norms), "runningVariance": flat(m.running_var for m in norms),
            "evalLogits": flat([logits]),
        })
    return {"name": name, "activation": activation, "inputSize": sizes[0], "hidden": sizes[1:-1], "outputSize": sizes[-1],
            "batchNorm": batch_norm, "clip": None if clip is None else {"kind": clip[0], "threshold": clip[1]},
            "l2": l2, "optimizer": optimizer, "batchSize": batch,
            "features": [float(v) for v in x.reshape(-1)], "labels": [int(v) for v in y],
            "heldOut": [float(v) for v in held_out.reshape(-1)],
            "parameters": start, "steps": records}


if __name__ == "__main__":
    out = {"generator": f"torch {torch.__version__}, float64, scripts/reference/batchnorm.py",
           "cases": [case(*c) for c in CASES]}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
