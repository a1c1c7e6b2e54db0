#!/usr/bin/env python3
"""Writes every optimizer class of torch.optim and every scheduler class of
torch.optim.lr_scheduler, as the installed torch defines them, to
Tests/OptimizersTests/Fixtures/torch-optim-catalog.json, for CatalogCompletenessTests.

    /work/.venv-ref/bin/python tools/torch-signatures/catalog.py

A class counts when it is a subclass of `Optimizer` (of `LRScheduler`) found in the module,
public, and not the base class itself; the base classes and private aliases that the modules
also hold are listed under "excluded" with the reason, so that a reader sees what was left out.
Run once per PyTorch release; the fixture records which one.
"""
import inspect
import json
import pathlib

import torch
from torch import optim
from torch.optim import lr_scheduler

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/OptimizersTests/Fixtures/torch-optim-catalog.json"


def classes(module, base):
    """The module's public subclasses of `base`, base excluded, in name order; and what was left out."""
    found, excluded = [], {}
    for name, value in sorted(vars(module).items()):
        if not (inspect.isclass(value) and issubclass(value, base)):
            continue
        if value is base:
            excluded[name] = "base class"
        elif name.startswith("_"):
            excluded[name] = f"private alias of {value.__mro__[1].__name__}" if value.__mro__[1] is base else "private"
        else:
            found.append(name)
    return found, excluded


if __name__ == "__main__":
    optimizers, excluded_optimizers = classes(optim, optim.Optimizer)
    schedulers, excluded_schedulers = classes(lr_scheduler, lr_scheduler.LRScheduler)
    out = {
        "torch": torch.__version__,
        "generator": "tools/torch-signatures/catalog.py",
        "optimizers": optimizers,
        "schedulers": schedulers,
        "excluded": {"torch.optim": excluded_optimizers, "torch.optim.lr_scheduler": excluded_schedulers},
    }
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT} from torch {torch.__version__}: {len(optimizers)} optimizers, {len(schedulers)} schedulers")
