"""The series' one plot style, and the plots the notebooks share.

Every helper takes ``ax=None`` (a new figure is made when none is given) and
returns the ``Axes`` it drew on. The style is applied by ``setup()``, never on
import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from rnn_tutorial.validation import check_floats, check_int, check_number, check_strings

STYLE = {
    "figure.figsize": (6.4, 3.2),
    "figure.dpi": 110,  # readable at the size a notebook shows it, and still light
    "savefig.dpi": 110,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": "medium",
    "font.size": 10,
    "legend.frameon": False,
}


def use_style() -> None:
    """Apply the series' plot style (called by `setup()`)."""
    import matplotlib.pyplot as plt

    plt.rcParams.update(STYLE)


def _axes(ax):
    from matplotlib.axes import Axes

    if ax is not None:
        if not isinstance(ax, Axes):
            raise TypeError(f"ax must be a matplotlib Axes or None; got {type(ax).__name__}")
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    return ax


def plot_sequence(values, *, x=None, ax=None, label=None, title=None, xlabel="step", ylabel="value"):
    """Plot one sequence as a line over its steps (notebook 01).

    Args:
        values: 1-D array of length ``time``.
        x: optional positions for the x axis (years, seconds); defaults to 0..time-1.
    """
    values = check_floats("values", values)
    if values.ndim != 1 or values.size == 0:
        raise ValueError(f"values must be a non-empty 1-D sequence; got shape {values.shape}")
    if x is None:
        x = np.arange(values.size)
    x = check_floats("x", x)
    if x.shape != values.shape:
        raise ValueError(f"x must have the shape of values {values.shape}; got {x.shape}")
    ax = _axes(ax)
    ax.plot(x, values, label=label, linewidth=1)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title:
        ax.set_title(title)
    return ax


def plot_tokens(tokens: Sequence[str], ids: Sequence[int], *, ax=None, title=None):
    """Draw a sentence as a sequence: one bar per position, height = token id."""
    tokens = check_strings("tokens", tokens, empty=True)
    ids = check_floats("ids", ids)
    if ids.ndim != 1:
        raise ValueError(f"ids must be a 1-D list of ids; got shape {ids.shape}")
    if len(tokens) != len(ids):
        raise ValueError(f"tokens and ids must have the same length; got {len(tokens)} and {len(ids)}")
    if len(tokens) == 0:
        raise ValueError("tokens must not be empty")
    ax = _axes(ax)
    positions = np.arange(len(tokens))
    ax.bar(positions, ids, color="tab:blue")
    ax.set_xticks(positions, [f"{i}\n{t}" for i, t in enumerate(tokens)])
    ax.set(xlabel="position", ylabel="token id")
    if title:
        ax.set_title(title)
    return ax


def plot_spectrogram(wave, rate: int, *, ax=None, title=None, max_hz=None, smooth=None, colorbar=False):
    """Spectrogram of a waveform: time across, frequency up, strength as colour (notebook 01).

    The wave is cut into slices of 8 ms, a new one every millisecond; for each
    slice, the strength (power) of each frequency is measured. `smooth`: average
    each frequency's power over that many seconds of slices (e.g. 0.025, so that
    the pulses of a voice, 120 a second, do not paint a stripe each). Colour:
    decibels below the strongest point, over 50 dB (10 dB = ten times weaker).
    `colorbar`: True draws a colour bar beside `ax`; an Axes or an array of
    Axes (e.g. a column of a grid) draws it beside those, so they stay aligned.
    """
    from matplotlib import mlab

    wave = check_floats("wave", wave)
    if wave.ndim != 1 or wave.size < 64:
        raise ValueError(f"wave must be 1-D with at least 64 samples; got shape {wave.shape}")
    rate = check_int("rate", rate, 1, what="a positive int (samples per second)")
    if max_hz is not None:
        max_hz = check_number("max_hz", max_hz, lambda hz: hz > 0, "a positive number of Hz or None")
    if smooth is not None:
        smooth = check_number("smooth", smooth, lambda s: 0 < s <= wave.size / rate,
                              "a positive number of seconds, at most the wave's length, or None")
    ax = _axes(ax)
    window = min(wave.size, max(16, round(0.008 * rate)))  # samples per slice: 8 ms
    step = min(window, max(1, round(0.001 * rate)))  # a new slice every millisecond
    power, hz, seconds = mlab.specgram(wave, NFFT=window, Fs=rate, noverlap=window - step,
                                       pad_to=max(256, window))  # (frequencies, slices)
    if smooth is not None:
        width = min(power.shape[1], max(1, round(smooth * rate / step)))  # slices to average over
        kernel = np.ones(width) / width
        power = np.stack([np.convolve(row, kernel, mode="same") for row in power])  # (frequencies, slices)
    with np.errstate(divide="ignore"):
        decibels = 10 * np.log10(power / max(power.max(), np.finfo(float).tiny))  # 0 at the strongest
    image = ax.pcolormesh(seconds, hz, np.maximum(decibels, -50), cmap="magma", vmin=-50, vmax=0, shading="auto")
    ax.set(xlabel="time (s)", ylabel="frequency (Hz)")
    ax.grid(False)
    if colorbar is True:
        ax.figure.colorbar(image, ax=ax, label="dB below the strongest")
    elif colorbar is not False and colorbar is not None:
        from matplotlib.axes import Axes

        beside = np.asarray(colorbar, dtype=object).ravel().tolist()  # the Axes to draw it beside
        if not beside or not all(isinstance(a, Axes) for a in beside):
            raise TypeError(f"colorbar must be True, False or Axes; got {colorbar!r:.80}")
        ax.figure.colorbar(image, ax=beside, label="dB below the strongest")
    if max_hz:
        ax.set_ylim(0, max_hz)
    if title:
        ax.set_title(title)
    return ax


def mark_formants(ax, formants: Mapping[str, Sequence[float]], seconds_each: float, *, count: int = 2):
    """On a spectrogram of vowels one after another, a dashed line at each vowel's first `count` formants.

    `formants` maps each vowel, in the order spoken, to its formants in Hz (notebook 01: `datasets.FORMANTS`);
    each vowel lasts `seconds_each`. Each line is labelled "F1 730 Hz" and so on.
    """
    if not isinstance(formants, Mapping) or not formants:
        raise TypeError(f"formants must be a non-empty dict of vowel -> formants in Hz; got {formants!r:.80}")
    seconds_each = check_number("seconds_each", seconds_each, lambda s: s > 0, "a positive number of seconds")
    count = check_int("count", count, 1)
    for k, (vowel, hzs) in enumerate(formants.items()):
        start = k * seconds_each  # where this vowel begins
        for n, hz in enumerate(check_floats(f"formants[{vowel!r}]", hzs)[:count], start=1):
            ax.hlines(hz, start + 0.05 * seconds_each, start + 0.95 * seconds_each, colors="cyan", linestyles="--")
            ax.text(start + 0.1 * seconds_each, hz + 70, f"F{n} {hz:,.0f} Hz", color="white", fontsize=9,
                    bbox={"facecolor": "black", "alpha": 0.6, "edgecolor": "none", "pad": 1})
    return ax

def plot_states(states, words: Sequence[str], *, ax=None, title=None):
    """Heat map of hidden states: one column per word, one row per unit, colour from -1 to 1 (notebook 03).

    Args:
        states: `(time, units)`, e.g. `hs[0]` from `rnn_forward`.
    """
    states = check_floats("states", states)
    if states.ndim != 2 or states.size == 0:
        raise ValueError(f"states must be (time, units), not empty; got shape {states.shape}")
    words = check_strings("words", words, empty=True)
    if len(words) != states.shape[0]:
        raise ValueError(f"words must have one entry per time step ({states.shape[0]}); got {len(words)}")
    ax = _axes(ax)
    image = ax.imshow(states.T, cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(np.arange(len(words)), [f"$h_{t + 1}$\n{w}" for t, w in enumerate(words)])
    ax.set_yticks(np.arange(states.shape[1]))
    ax.set_ylabel("unit")
    ax.grid(False)
    ax.figure.colorbar(image, ax=ax, fraction=0.04, label="state value")
    if title:
        ax.set_title(title)
    return ax


def plot_lines(x, lines: Mapping[str, Sequence[float]], *, ax=None, xlabel="", ylabel="", logy=False, title=None):
    """Several named curves over the same `x` (notebook 02: parameters against sentence length)."""
    x = check_floats("x", x)
    if not isinstance(lines, Mapping) or not lines:
        raise TypeError(f"lines must be a non-empty dict of name -> values; got {lines!r:.80}")
    ax = _axes(ax)
    for name, y in lines.items():
        y = check_floats(f"line {name!r}", y)
        if y.shape != x.shape:
            raise ValueError(f"line {name!r} must have the shape of x {x.shape}; got {y.shape}")
        ax.plot(x, y, label=name)
    if logy:
        ax.set_yscale("log")
    ax.set(xlabel=xlabel, ylabel=ylabel)
    if title:
        ax.set_title(title)
    ax.legend()
    return ax


def plot_attention(weights, inputs: Sequence[str], outputs: Sequence[str], *, ax=None, title=None):
    """Heat map of attention weights: one row per output step, one column per input position (notebook 07).

    Args:
        weights: `(output steps, input positions)`, each row summing to 1.
        inputs, outputs: the symbol at each input position and each output step, for the tick labels.
    """
    weights = check_floats("weights", weights)
    if weights.ndim != 2 or weights.size == 0:
        raise ValueError(f"weights must be (output steps, input positions), not empty; got shape {weights.shape}")
    inputs, outputs = check_strings("inputs", inputs), check_strings("outputs", outputs)
    if (len(outputs), len(inputs)) != weights.shape:
        raise ValueError(f"weights must be (len(outputs), len(inputs)) = ({len(outputs)}, {len(inputs)}); got shape "
                         f"{weights.shape}")
    ax = _axes(ax)
    image = ax.imshow(weights, cmap="Blues", vmin=0, vmax=1, aspect="equal")
    small = {"fontsize": 7 if max(weights.shape) > 20 else 9}
    ax.set_xticks(np.arange(len(inputs)), inputs, **small)
    ax.set_yticks(np.arange(len(outputs)), outputs, **small)
    ax.tick_params(length=0)
    ax.set(xlabel="input position (keys)", ylabel="output step (queries)")
    ax.grid(False)
    ax.figure.colorbar(image, ax=ax, fraction=0.046, label="weight")
    if title:
        ax.set_title(title)
    return ax
