"""A time series and a speech-like sound (notebook 01)."""

from __future__ import annotations

import csv
import io
from importlib import resources

import numpy as np

from rnn_tutorial.validation import check_int, check_number, seeded

# Notebook 01: a time series and a speech-like sound

def sunspots() -> tuple[np.ndarray, np.ndarray]:
    """Yearly mean sunspot numbers, 1700-2008 (public domain; see data/README.md).

    Returns:
        `(years, counts)`, both `(309,)`.
    """
    text = resources.files("rnn_tutorial").joinpath("data/sunspots_yearly.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    years = np.array([int(r["year"]) for r in rows])  # (309,)
    counts = np.array([float(r["sunspots"]) for r in rows])  # (309,)
    return years, counts


# Average formant frequencies (Hz) of three vowels for adult male speakers,
# after Peterson & Barney (1952), "Control methods used in a study of the vowels".
FORMANTS = {"a": (730, 1090, 2440), "i": (270, 2290, 3010), "u": (300, 870, 2240)}
_BANDWIDTHS = (90, 110, 170)  # Hz, typical formant bandwidths


def vowel(name: str, seconds: float = 0.3, rate: int = 8000, pitch: float = 120.0, seed: int = 0) -> np.ndarray:
    """Synthesise a vowel: a buzz of glottal pulses shaped by the vowel's formants.

    The source-filter model of speech: the vocal folds give a pulse every
    1/pitch seconds (with a little seeded jitter), and the mouth's shape makes
    resonances (formants) that ring after each pulse.

    Returns:
        `(round(seconds * rate),)` float array, peak amplitude 1.
    """
    if not isinstance(name, str) or name not in FORMANTS:
        raise ValueError(f"name must be one of {sorted(FORMANTS)}; got {name!r}")
    nyquist = 2 * max(FORMANTS[name])  # the rate must be above twice the highest frequency
    rate = check_int("rate", rate, nyquist + 1, what=f"an int above twice the highest formant ({nyquist} Hz)")
    seconds = check_number("seconds", seconds, lambda s: s >= 0.05, "a number at least 0.05")
    pitch = check_number("pitch", pitch, lambda p: 0 < p <= rate / 2, f"a positive number of Hz, at most {rate / 2:g}")
    rng = seeded(seed)
    n = int(round(seconds * rate))
    pulses = np.zeros(n)  # (n,)
    t = 0.0
    while t < seconds:
        pulses[int(t * rate)] = 1.0
        t += (1 + 0.02 * rng.standard_normal()) / pitch
    ring = np.arange(int(0.03 * rate)) / rate  # 30 ms of ringing, (ring,)
    response = sum(np.exp(-np.pi * b * ring) * np.sin(2 * np.pi * f * ring)
                   for f, b in zip(FORMANTS[name], _BANDWIDTHS))  # (ring,)
    wave = np.convolve(pulses, response)[:n] * np.hanning(n)  # (n,), faded in and out
    return wave / np.abs(wave).max()
