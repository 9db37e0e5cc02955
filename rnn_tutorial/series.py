"""Time-series helpers: measures that see the order of a sequence (notebook 01).

The mean and the spread of a series are order-blind: shuffle it and they stay
the same. The autocorrelation and the dominant period are not.
"""

from __future__ import annotations

import numpy as np


def _series(x) -> np.ndarray:
    x = np.asarray(x, dtype=float)
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
    if not isinstance(lag, int) or isinstance(lag, bool) or not 1 <= lag < x.size:
        raise ValueError(f"lag must be an int in 1..{x.size - 1}; got {lag!r}")
    centred = x - x.mean()  # (time,)
    denominator = np.sum(centred**2)
    if denominator == 0:
        raise ValueError("x is constant: its autocorrelation is undefined")
    return float(np.sum(centred[:-lag] * centred[lag:]) / denominator)


def dominant_period(x, spacing: float = 1.0) -> float:
    """The period of the strongest cycle in `x` (in units of `spacing`), from its spectrum."""
    x = _series(x)
    power = np.abs(np.fft.rfft(x - x.mean())) ** 2  # (time // 2 + 1,)
    frequencies = np.fft.rfftfreq(x.size, d=spacing)  # cycles per unit
    strongest = 1 + np.argmax(power[1:])  # skip frequency 0 (the mean)
    return float(1 / frequencies[strongest])
