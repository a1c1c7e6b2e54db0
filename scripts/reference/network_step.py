"""Reference for coursegen's NeuralNetworks: one training step of a small MLP in torch, float64.

Writes Tests/NeuralNetworksTests/Fixtures/network-step.json. Each case fixes the
weights (torch.nn.init, seeded), a batch of features and labels, and records
  - the loss: mean nn.CrossEntropyLoss plus (l2/2) * sum of squared weights (biases excluded),
  - its gradient with respect to the flat parameter vector, in nn.Sequential(...).parameters()
    order (each Linear's weight (out x in, row-major), then its bias),
  - the parameters after one optimizer step, for each optimizer call in OPTIMIZERS.

Run from the repository root with torch installed in .venv-ref (pip install torch):
    .venv-ref/bin/python scripts/reference/network_step.py > Tests/NeuralNetworksTests/Fixtures/network-step.json
"""
import json, sys
import torch

torch.set_default_dtype(torch.float64)

ACTIVATIONS = {"relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh}

# (directive call, torch factory)
OPTIMIZERS = [
    ("SGD(lr: 0.1)", lambda p: torch.optim.SGD(p, lr=0.1)),
    ("SGD(lr: 0.05, momentum: 0.9)", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)),
    ("Adam(lr: 0.01)", lambda p: torch.optim.Adam(p, lr=0.01)),
]

# name, activation, sizes, l2, bias, batch size, seed
CASES = [
    ("relu-digits-like", "relu", [8, 6, 5, 4], 0.0, True, 7, 1),
    ("tanh-l2", "tanh", [5, 7, 3], 0.01, True, 6, 2),
    ("sigmoid-no-bias", "sigmoid", [4, 6, 6, 3], 0.0, False, 5, 3),
]


def build(activation, sizes, bias, seed):
    torch.manual_seed(seed)
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        linear = torch.nn.Linear(a, b, bias=bias)
        torch.nn.init.kaiming_normal_(linear.weight)
        if bias:
            torch.nn.init.uniform_(linear.bias, -0.2, 0.2)
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(ACTIVATIONS[activation]())
    return torch.nn.Sequential(*layers)


def flat(tensors):
    return [float(v) for t in tensors for v in t.detach().reshape(-1)]


def loss_of(net, x, y, l2):
    loss = torch.nn.functional.cross_entropy(net(x), y)
    if l2 > 0:
        loss = loss + 0.5 * l2 * sum((m.weight ** 2).sum() for m in net if isinstance(m, torch.nn.Linear))
    return loss


def case(name, activation, sizes, l2, bias, batch, seed):
    net = build(activation, sizes, bias, seed)
    generator = torch.Generator().manual_seed(100 + seed)
    x = torch.randn(batch, sizes[0], generator=generator)
    y = torch.randint(0, sizes[-1], (batch,), generator=generator)
    start = flat(net.parameters())
    loss = loss_of(net, x, y, l2)
    loss.backward()
    gradient = flat(p.grad for p in net.parameters())
    after = []
    for call, factory in OPTIMIZERS:
        stepped = build(activation, sizes, bias, seed)
        opt = factory(stepped.parameters())
        opt.zero_grad()
        loss_of(stepped, x, y, l2).backward()
        opt.step()
        after.append({"optimizer": call, "parameters": flat(stepped.parameters())})
    return {"name": name, "activation": activation, "inputSize": sizes[0], "hidden": sizes[1:-1],
            "outputSize": sizes[-1], "l2": l2, "bias": bias,
            "features": [float(v) for v in x.reshape(-1)], "labels": [int(v) for v in y],
            "parameters": start, "loss": float(loss), "gradient": gradient, "after": after}


if __name__ == "__main__":
    out = {"generator": f"torch {torch.__version__}, float64, scripts/reference/network_step.py",
           "cases": [case(*c) for c in CASES]}
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
