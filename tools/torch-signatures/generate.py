#!/usr/bin/env python3
"""Writes the signatures of torch.optim's optimizer constructors, in order, to
Tests/OptimizersTests/Fixtures/torch-signatures.json, for ArgumentOrderTests.

    python3 tools/torch-signatures/generate.py                 # inspect.signature of the installed torch
    python3 tools/torch-signatures/generate.py --source DIR    # ast of DIR/torch/optim/*.py, without torch

Both give, for each class, the parameters after `params` in declaration order with
their defaults as Python source text (`1e-3`, `(0.9, 0.999)`, `None`) and whether they
are keyword-only. Run once per PyTorch release; the fixture records which one. The
classes of the authors' packages the catalog replays (`schedulefree`) are read from the
installed packages too, and skipped with --source.
"""
import argparse
import ast
import importlib
import inspect
import json
import pathlib

CLASSES = {  # class -> module file under torch/optim
    "SGD": "sgd.py", "Adagrad": "adagrad.py", "RMSprop": "rmsprop.py", "Adadelta": "adadelta.py",
    "Adam": "adam.py", "AdamW": "adamw.py", "Adamax": "adamax.py", "NAdam": "nadam.py",
    "RAdam": "radam.py", "LBFGS": "lbfgs.py", "ASGD": "asgd.py", "Rprop": "rprop.py",
    "Adafactor": "_adafactor.py", "Muon": "_muon.py", "SparseAdam": "sparse_adam.py",
}
# Classes of the authors' packages whose methods the catalog replays (imported, never read with --source).
PACKAGE_CLASSES = {  # class -> module
    "AdamWScheduleFreeReference": "schedulefree", "SGDScheduleFreeReference": "schedulefree",
}
OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/OptimizersTests/Fixtures/torch-signatures.json"


def from_torch():
    import torch
    result = {}
    for name in CLASSES:
        sig = inspect.signature(getattr(torch.optim, name).__init__)
        result[name] = [
            {"name": p.name, "default": repr(p.default), "keywordOnly": p.kind == p.KEYWORD_ONLY}
            for p in sig.parameters.values() if p.name not in ("self", "params")
        ]
    for name, module in PACKAGE_CLASSES.items():
        sig = inspect.signature(getattr(importlib.import_module(module), name).__init__)
        result[name] = [
            {"name": p.name, "default": repr(p.default), "keywordOnly": p.kind == p.KEYWORD_ONLY}
            for p in sig.parameters.values() if p.name not in ("self", "params")
        ]
    return torch.__version__, result


def from_source(root):
    result = {}
    for name, file in CLASSES.items():
        tree = ast.parse((pathlib.Path(root) / "torch/optim" / file).read_text())
        cls = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == name)
        init = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
        a = init.args
        positional = a.posonlyargs + a.args
        defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
        params = [(p, d, False) for p, d in zip(positional, defaults)]
        params += [(p, d, True) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
        result[name] = [
            {"name": p.arg, "default": ast.unparse(d) if d is not None else None, "keywordOnly": kw}
            for p, d, kw in params if p.arg not in ("self", "params")
        ]
    version = (pathlib.Path(root) / "version.txt")
    return (version.read_text().strip() if version.exists() else "source"), result


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", help="a PyTorch source checkout, read with ast instead of importing torch")
    args = parser.parse_args()
    version, classes = from_source(args.source) if args.source else from_torch()
    OUT.write_text(json.dumps({"torch": version, "classes": classes}, indent=1) + "\n")
    print(f"wrote {OUT} from torch {version}")
