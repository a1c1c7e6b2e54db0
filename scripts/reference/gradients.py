"""Losses and gradients computed by PyTorch's autograd (float64, CPU) for objective closures,
at seeded random points, to check that coursegen's AutogradTape rounds as autograd does.

Each case is a closure in the directive language (or a built-in objective by name) beside the
Python expression torch evaluates, and says how much of the result must agree bit for bit:

- "both": value and gradient. The closure is the Python expression operation for operation,
  and uses only arithmetic, integer powers, abs, min and max (which round the same in every
  library).
- "gradient": the gradient only. generate.py's Rosenbrock writes `100 * (y - x*x) * (y - x*x)`
  where Python has `100 * (y - x*x) ** 2`; the loss rounds differently, its gradient does not.
- "none": torch's vectorised math library (exp, log, sin, sqrt, …) differs from the C library
  in some last bits, or the closure is not the Python expression (generate.py's Beale writes
  `x * y * y * y` for `x * y ** 3`); these agree to a tolerance.

    .venv-ref/bin/python scripts/reference/gradients.py > Tests/OptimizersTests/Fixtures/torch-gradients.json
"""
import json
import math
import random
import sys

import torch

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from generate import OBJECTIVES  # noqa: E402

T = torch


def const(value):
    """A number torch.minimum and torch.maximum accept beside a tensor (it needs no gradient)."""
    return torch.tensor(value, dtype=torch.float64)


def shared(x, y):
    t = x * y + 1
    u = x - y
    return t * t + u * u * 3


def lets(x, y):
    u = x * x - y
    v = u * y + x
    return u * v - v / 3


# (name, closure or "builtin:<name>", Python function of x, y (or x), exactness, coordinate range)
CASES = [(f"generate.py {name}", swift, fn, {"rosenbrock": "gradient", "beale": "none", "trig": "none"}.get(name, "both"), 2.0)
         for name, (swift, fn, _) in OBJECTIVES.items()]
CASES += [
    ("builtin bowl", "builtin:bowl", lambda x, y: x * x / 20 + y * y, "both", 3.0),
    ("builtin quadratic", "builtin:quadratic", lambda x, y: (1.0 * x * x + 10.0 * y * y) / 2, "both", 3.0),
    ("builtin rosenbrock", "builtin:rosenbrock", lambda x, y: (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2, "both", 2.0),
    ("builtin beale", "builtin:beale",
     lambda x, y: (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2, "both", 3.0),
    ("builtin himmelblau", "builtin:himmelblau", lambda x, y: (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2, "both", 5.0),
    ("builtin booth", "builtin:booth", lambda x, y: (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2, "both", 5.0),
    ("builtin matyas", "builtin:matyas", lambda x, y: 0.26 * (x * x + y * y) - 0.48 * x * y, "both", 5.0),
    ("builtin threeHumpCamel", "builtin:threeHumpCamel",
     lambda x, y: 2 * x * x - 1.05 * x ** 4 + x ** 6 / 6 + x * y + y * y, "both", 2.0),
    ("builtin saddle", "builtin:saddle", lambda x, y: x * x - y * y, "both", 2.0),
    ("builtin monkeySaddle", "builtin:monkeySaddle", lambda x, y: x ** 3 - 3 * x * y * y, "both", 2.0),
    ("builtin rastrigin", "builtin:rastrigin",
     lambda x, y: 20 + x * x - 10 * T.cos(2 * math.pi * x) + y * y - 10 * T.cos(2 * math.pi * y), "none", 5.0),
    ("builtin ackley", "builtin:ackley",
     lambda x, y: -20 * T.exp(-0.2 * T.sqrt(0.5 * (x * x + y * y))) - T.exp(0.5 * (T.cos(2 * math.pi * x) + T.cos(2 * math.pi * y)))
     + math.exp(1) + 20, "none", 5.0),
    ("builtin goldsteinPrice", "builtin:goldsteinPrice",
     lambda x, y: (1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y))
     * (30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)), "both", 2.0),
    ("builtin styblinskiTang", "builtin:styblinskiTang",
     lambda x, y: (x ** 4 - 16 * x * x + 5 * x + y ** 4 - 16 * y * y + 5 * y) / 2, "both", 5.0),
    # Each operator with numbers on either side: `c - x` is rsub, `c / x` is reciprocal then mul.
    ("quotients", "{ x, y in (x + 2) / (y * y + 1) - 3 / (x * x + 1) + y / 4 - x / y }",
     lambda x, y: (x + 2) / (y * y + 1) - 3 / (x * x + 1) + y / 4 - x / y, "both", 2.0),
    ("negation", "{ x, y in -x * y + 1 - (2 - x) * -y - -x + -(x * y) * 0.5 }",
     lambda x, y: -x * y + 1 - (2 - x) * -y - -x + -(x * y) * 0.5, "both", 2.0),
    ("integer powers", "{ x, y in pow(x, 4) - 2 * pow(y, 3) + pow(x - y, 2) / 3 + pow(x * x + 1, -2) + pow(y * y + 1, -1) + pow(y, 1) + pow(x, 0) * y }",
     lambda x, y: x ** 4 - 2 * y ** 3 + (x - y) ** 2 / 3 + (x * x + 1) ** -2 + (y * y + 1) ** -1 + y ** 1 + x ** 0 * y, "both", 2.0),
    ("real powers", "{ x, y in pow(x * x + 2, 1.5) + pow(y * y + 1, 2.5) - pow(x * x + 1, -1.25) }",
     lambda x, y: (x * x + 2) ** 1.5 + (y * y + 1) ** 2.5 - (x * x + 1) ** -1.25, "both", 2.0),
    ("square roots as powers", "{ x, y in pow(x * x + 1, 0.5) + pow(y * y + 2, -0.5) }",
     lambda x, y: (x * x + 1) ** 0.5 + (y * y + 2) ** -0.5, "none", 2.0),
    ("variable exponents", "{ x, y in pow(x * x + 1, y) + pow(2, x) + pow(0.5, y * y) }",
     lambda x, y: (x * x + 1) ** y + 2 ** x + 0.5 ** (y * y), "none", 2.0),
    ("shared subexpressions", "{ x, y in (x * y + 1) * (x * y + 1) + (x - y) * (x - y) * 3 }", shared, "both", 2.0),
    ("let constants", "{ x, y in let u = x * x - y; let v = u * y + x; return u * v - v / 3 }", lets, "both", 2.0),
    ("numbers fold first", "{ x, y in 2 * .pi * x + x * 2 * .pi + exp(1) * y - pow(2, 3) * x * y + (1 - 3) * y }",
     lambda x, y: 2 * math.pi * x + x * 2 * math.pi + math.exp(1) * y - 2 ** 3 * x * y + (1 - 3) * y, "both", 2.0),
    ("min max abs", "{ x, y in max(x, y) * 2 + min(x, 0.5) - abs(x - y) + max(1, y * y) - min(x * y, y) + abs(x) }",
     lambda x, y: T.maximum(x, y) * 2 + T.minimum(x, const(0.5)) - T.abs(x - y) + T.maximum(const(1.0), y * y)
     - T.minimum(x * y, y) + T.abs(x), "both", 2.0),
    ("hyperbolic", "{ x, y in sinh(0.5 * x) * cosh(0.3 * y) - cosh(x - y) }",
     lambda x, y: T.sinh(0.5 * x) * T.cosh(0.3 * y) - T.cosh(x - y), "both", 2.0),
    ("transcendental", "{ x, y in sin(x) * cos(y) + tan(0.3 * x) + tanh(y) + atan(x * y) + log(1 + x * x) + sqrt(2 + y) + exp(-x * x) }",
     lambda x, y: T.sin(x) * T.cos(y) + T.tan(0.3 * x) + T.tanh(y) + T.atan(x * y) + T.log(1 + x * x) + T.sqrt(2 + y)
     + T.exp(-x * x), "none", 1.5),
    ("one variable", "{ x in pow(x, 3) - 2 * x + 1 / (1 + x * x) }", lambda x: x ** 3 - 2 * x + 1 / (1 + x * x), "both", 2.0),
]


def points(name, dimension, extent, rng):
    result = [[rng.uniform(-extent, extent) for _ in range(dimension)] for _ in range(40)]
    if name == "min max abs":
        # Ties and zeros, where min, max and abs choose between their one-sided derivatives.
        result += [[0.5, 0.5], [1.0, -1.0], [0.0, 0.0], [1.0, 1.0], [-0.5, 0.5], [0.5, -1.25]]
    return result


def evaluate(fn, point):
    p = torch.tensor(point, dtype=torch.float64, requires_grad=True)
    loss = fn(*[p[i] for i in range(len(point))])
    loss.backward()
    return float(loss.detach()), [float(g) for g in p.grad]


def main():
    rng = random.Random(20261121)
    cases = []
    for name, closure, fn, exact, extent in CASES:
        dimension = 1 if closure.startswith("{ x in") else 2
        ps = points(name, dimension, extent, rng)
        values, gradients = [], []
        for point in ps:
            value, gradient = evaluate(fn, point)
            assert math.isfinite(value) and all(math.isfinite(g) for g in gradient), (name, point)
            values.append(value)
            gradients.append(gradient)
        cases.append({"name": name, "closure": closure, "exact": exact, "points": ps, "values": values,
                      "gradients": gradients})
    json.dump({"generator": f"torch {torch.__version__} autograd, float64 (scripts/reference/gradients.py)",
               "cases": cases}, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
