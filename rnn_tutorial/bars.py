"""Quality bars: a measured figure printed next to the bar it must meet, and asserted.

`check_bar` prints one of two forms:

    largest |numpy - Keras|: 9.594e-08 (bar: <= 1e-06)
    RNN, held-out accuracy: 99.8% (trained, bar: >= 90.0%)

The tests (nbval) compare the first form digit for digit: a gradient check, a
parameter count or numpy against Keras on fixed weights gives the same figure
on every computer. The second form, `trained=True`, is for a figure that comes
from training a model: training is not bit-identical across CPUs, so the tests
show its digits without comparing them (tests/nbval_sanitize.cfg); the bar is
what must hold everywhere, and it is asserted on every run. Rounding noise
such as 6.9e-16 differs between computers too: `below=1e-12` prints any figure
smaller than that as `< 1e-12`, so it can be compared exactly.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.answers import as_number, describe


def check_bar(name: str, value: float, *, at_least: float | None = None, at_most: float | None = None,
              percent: bool = True, trained: bool = False, below: float | None = None) -> None:
    """Print `name: value (bar: ...)` and raise AssertionError if the value is outside the bar.

    at_least, at_most: the bar (give one or both). percent: show figures as percentages (one decimal),
    else with 4 significant digits. trained: the value comes from training a model; printed as
    `(trained, bar: ...)`, shown but not compared by the tests. below: a value whose size is under
    `below` is printed as `< 1e-12` (for `below=1e-12`); the bar still checks the real value.
    """
    if at_least is None and at_most is None:
        raise ValueError("give at_least, at_most or both")
    value = _bar_number("value", value)
    at_least, at_most = (None if bound is None else _bar_number(what, bound, finite=True)
                         for what, bound in (("at_least", at_least), ("at_most", at_most)))
    if at_least is not None and at_most is not None and at_least > at_most:
        raise ValueError(f"at_least ({at_least:g}) is above at_most ({at_most:g}): no value can meet this bar")
    if below is not None:
        number = as_number(below)
        if number is None or not 0 < number < np.inf:
            raise ValueError(f"below must be a positive number, like 1e-12; got {describe(below)}")
        below = number
    if not np.isfinite(value):
        raise AssertionError(f"{name} is {value}, not a finite number")
    scale, unit = (100, "%") if percent else (1, "")

    def show(v):
        return f"{v * scale:.1f}{unit}" if percent else f"{v:.4g}"

    parts = []
    if at_least is not None:
        parts.append(f">= {show(at_least)}")
    if at_most is not None:
        parts.append(f"<= {show(at_most)}")
    bar = " and ".join(parts)
    figure = f"< {below * scale:.0e}{unit}" if below is not None and abs(value) < below else show(value)
    print(f"{name}: {figure} ({'trained, ' if trained else ''}bar: {bar})")
    if (at_least is not None and value < at_least) or (at_most is not None and value > at_most):
        raise AssertionError(f"{name} = {show(value)} misses its bar ({bar})")


def _bar_number(what: str, x, finite: bool = False) -> float:
    """`x` as a float, or a ValueError that says what came."""
    number = as_number(x)
    if number is None or (finite and not np.isfinite(number)):
        kind = "a finite number" if finite else "a number"
        raise ValueError(f"{what} must be {kind}; got {describe(x)}")
    return number
