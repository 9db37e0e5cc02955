"""Time-series helpers: measures that see the order of a sequence (notebook 01).

The mean and the spread of a series are order-blind: shuffle it and they stay
the same. The autocorrelation and the dominant period are not.
"""

from __future__ import annotations

import numpy as np

from rnn_tutorial.validation import check_floats, check_int, check_number


def _series(x) -> np.ndarray:
    x = check_floats("x", x).astype(np.float64)
    if x.ndim != 1 or x.size < 3:
        raise ValueError(f"x must be 1-D with at least 3 values; got shape {x.shape}")
    if not np.all(np.isfinite(x)):
        raise ValueError("x must hold finite numbers only; it has NaN or infinity")
    return x


def autocorrelation(x, lag: int = 1) -> float:
    """How much each value resembles the one `lag` steps later, in [-1, 1].

    The sum of products of centred neighbours, divided by the sum of squares.
    """
    x = _series(x)
    lag = check_int("lag", lag, 1, x.size - 1)
    centred = x - x.mean()  # (time,)
    denominator = np.sum(centred**2)
    if denominator == 0:
        raise ValueError("x is constant: its autocorrelation is undefined")
    return float(np.sum(centred[:-lag] * centred[lag:]) / denominator)


def dominant_period(x, spacing: float = 1.0) -> float:
    """The period of the strongest cycle in `x` (in units of `spacing`), from its spectrum."""
    x = _series(x)
    spacing = check_number("spacing", spacing, lambda s: s > 0, "a positive number")
    if np.all(x == x[0]):
        raise ValueError("x is constant: it has no cycle, so no dominant period")
    power = np.abs(np.fft.rfft(x - x.mean())) ** 2  # (time // 2 + 1,)
    frequencies = np.fft.rfftfreq(x.size, d=spacing)  # cycles per unit
    strongest = 1 + np.argmax(power[1:])  # skip frequency 0 (the mean)
    return float(1 / frequencies[strongest])
