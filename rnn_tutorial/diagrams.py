"""Architecture drawings, made with matplotlib so they render anywhere and can be changed (notebooks 03, 04).

Each function takes ``ax=None`` (a new figure is made when none is given) and
returns the ``Axes`` it drew on.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

CELL_COLOUR = "#cfe2f3"
INPUT_COLOUR = "#fce5cd"
OUTPUT_COLOUR = "#d9ead3"


def _new_axes(ax, size):
    if ax is not None and not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes or None; got {type(ax).__name__}")
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax


def _box(ax, x, y, label, width=1.4, height=0.7, colour=CELL_COLOUR):
    """A rounded box centred on (x, y) with a label."""
    ax.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.05",
                                facecolor=colour, edgecolor="black", linewidth=1))
    ax.text(x, y, label, ha="center", va="center", fontsize=11)


def _arrow(ax, start, end, label=None, label_offset=(0.0, 0.0), **style):
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, linewidth=1.2, color="black",
                                 **style))
    if label:
        x = (start[0] + end[0]) / 2 + label_offset[0]
        y = (start[1] + end[1]) / 2 + label_offset[1]
        ax.text(x, y, label, ha="center", va="center", fontsize=11, color="dimgray")


def draw_folded_rnn(ax=None):
    """The RNN as one cell with a loop: the state it computes comes back as its next input."""
    ax = _new_axes(ax, (5, 4))
    _box(ax, 0, 0, "RNN cell\n$h_t$")
    _box(ax, 0, -1.6, "$x_t$", width=0.8, height=0.5, colour=INPUT_COLOUR)
    _box(ax, 0, 1.6, "$y_t$", width=0.8, height=0.5, colour=OUTPUT_COLOUR)
    _arrow(ax, (0, -1.3), (0, -0.42), "kernel", (0.55, 0))
    _arrow(ax, (0, 0.42), (0, 1.3), "output layer", (0.75, 0))
    # the loop: the state leaves on the right and comes back as the next step's h_{t-1}
    _arrow(ax, (0.77, 0.2), (0.77, -0.2), connectionstyle="arc,angleA=0,angleB=0,armA=35,armB=35,rad=8")
    ax.text(1.55, 0, "$h_{t-1}$\nrecurrent_kernel", ha="left", va="center", fontsize=11, color="dimgray")
    ax.set_xlim(-1.5, 3.6)
    ax.set_ylim(-2.0, 2.0)
    return ax


def draw_unrolled_rnn(words: Sequence[str], outputs: Sequence[str] | None = None, ax=None):
    """The same cell drawn once per word: inputs below, outputs above, states passed left to right from h0 = 0."""
    if not isinstance(words, Sequence) or isinstance(words, str) or isinstance(outputs, str):
        raise ValueError(f"words and outputs must be lists of str, not one str; got {words!r} and {outputs!r}")
    words = list(words)
    if not words or not all(isinstance(w, str) for w in words):
        raise ValueError(f"words must be a non-empty list of str; got {words!r}")
    if outputs is not None and len(outputs) != len(words):
        raise ValueError(f"outputs must have one label per word ({len(words)}); got {len(outputs)}")
    if outputs is not None and not all(isinstance(o, str) for o in outputs):
        raise ValueError(f"outputs must be labels (str); got {list(outputs)!r}")
    step = 2.0
    ax = _new_axes(ax, (1.6 * len(words) + 1.5, 3.4))
    ax.text(-2.0, 0, "$h_0 = 0$", ha="center", va="center", fontsize=11)
    _arrow(ax, (-1.45, 0), (-0.75, 0))
    for t, word in enumerate(words):
        x = t * step
        _box(ax, x, 0, "RNN")
        _box(ax, x, -1.6, word, width=1.6, height=0.5, colour=INPUT_COLOUR)
        _box(ax, x, 1.6, outputs[t] if outputs is not None else f"$y_{t + 1}$", width=1.0, height=0.5,
             colour=OUTPUT_COLOUR)
        _arrow(ax, (x, -1.33), (x, -0.42), f"$x_{t + 1}$", (0.3, 0))
        _arrow(ax, (x, 0.42), (x, 1.33), f"$h_{t + 1}$", (0.3, 0))
        if t + 1 < len(words):
            _arrow(ax, (x + 0.75, 0), (x + step - 0.75, 0), f"$h_{t + 1}$", (0, 0.22))
    ax.text((len(words) - 1) * step / 2, -2.3, "one cell, the same weights at every step", ha="center",
            fontsize=10, color="dimgray")
    ax.set_xlim(-2.6, (len(words) - 1) * step + 1.0)
    ax.set_ylim(-2.6, 2.0)
    return ax


# Which steps take an input and which give an output, per type (notebook 04).
RNN_TYPES = {
    "one to one": {"steps": 1, "inputs": [0], "outputs": [0], "example": "an ordinary network"},
    "one to many": {"steps": 4, "inputs": [0], "outputs": [0, 1, 2, 3], "example": "a gender gives a name",
                    "feedback": True},
    "many to one": {"steps": 4, "inputs": [0, 1, 2, 3], "outputs": [3], "example": "a review gives a rating"},
    "many to many": {"steps": 4, "inputs": [0, 1, 2, 3], "outputs": [0, 1, 2, 3], "example": "a tag per word"},
    "encoder-decoder": {"steps": 6, "inputs": [0, 1, 2], "outputs": [3, 4, 5], "example": "translation",
                        "feedback": True},
}


def draw_rnn_type(kind: str, ax=None):
    """One of the RNN types of `RNN_TYPES`: input boxes below, the cell once per step, output boxes above."""
    if not isinstance(kind, str) or kind not in RNN_TYPES:
        raise ValueError(f"kind must be one of {list(RNN_TYPES)}; got {kind!r}")
    spec = RNN_TYPES[kind]
    step, steps = 1.3, spec["steps"]
    ax = _new_axes(ax, (0.9 * steps + 1, 3))
    for t in range(steps):
        x = t * step
        decoding = kind == "encoder-decoder" and t in spec["outputs"]
        _box(ax, x, 0, "", width=0.8, height=0.6, colour=OUTPUT_COLOUR if decoding else CELL_COLOUR)
        if t in spec["inputs"]:
            _box(ax, x, -1.4, "", width=0.6, height=0.4, colour=INPUT_COLOUR)
            _arrow(ax, (x, -1.18), (x, -0.32))
        if t in spec["outputs"]:
            _box(ax, x, 1.4, "", width=0.6, height=0.4, colour=OUTPUT_COLOUR)
            _arrow(ax, (x, 0.32), (x, 1.18))
        if t + 1 < steps:
            _arrow(ax, (x + 0.42, 0), (x + step - 0.42, 0))
        if spec.get("feedback") and t in spec["outputs"] and t + 1 < steps:
            # the output, fed back in as the next step's input
            _arrow(ax, (x + 0.32, 1.4), (x + step - 0.3, -0.3), linestyle="--", connectionstyle="arc3,rad=-0.3")
    ax.set_title(f"{kind}\n({spec['example']})", fontsize=10)
    ax.set_xlim(-0.8, (steps - 1) * step + 0.8)
    ax.set_ylim(-1.8, 1.8)
    return ax


def draw_gated_cell(kind: str, ax=None):
    """The inside of an LSTM or a GRU cell: its gates, and the line along which its memory flows (notebook 06).

    Gates (sigmoid, between 0 and 1) scale what passes; the memory line at the
    top is changed only by a product and a sum, never squashed by a weight
    matrix, which is what lets gradients travel far back along it.
    """
    if not isinstance(kind, str) or kind not in ("LSTM", "GRU"):
        raise ValueError(f"kind must be 'LSTM' or 'GRU'; got {kind!r}")
    ax = _new_axes(ax, (7.5, 3.6))
    top, middle = 2.2, 1.1
    old, new = ("$c_{t-1}$", "$c_t$") if kind == "LSTM" else ("$h_{t-1}$", "$h_t$")
    plus = 3.75 if kind == "LSTM" else 5.5
    ax.text(-0.3, top, old, ha="right", va="center", fontsize=11)
    ax.text(8.1, top, new, ha="left", va="center", fontsize=11)
    _arrow(ax, (-0.2, top), (1.25, top))
    _box(ax, 1.5, top, "×", width=0.45, height=0.45, colour="white")
    _arrow(ax, (1.75, top), (plus - 0.25, top))
    _box(ax, plus, top, "+", width=0.45, height=0.45, colour="white")
    _arrow(ax, (plus + 0.25, top), (8.0, top))
    ax.text(6.0 if kind == "LSTM" else 6.8, top + 0.35, "memory line", ha="center", fontsize=10, color="dimgray")
    if kind == "LSTM":
        gates = {1.5: "$f$\nσ", 3.0: "$i$\nσ", 4.5: "$g$\ntanh", 6.5: "$o$\nσ"}
        names = "f: forget gate, i: input gate, g: candidate, o: output gate (Keras stores them as i, f, g, o)"
        _box(ax, 3.75, middle, "$i$ × $g$", width=0.8, height=0.45, colour="white")
        _arrow(ax, (3.0, 0.37), (3.55, middle - 0.25))
        _arrow(ax, (4.5, 0.37), (3.95, middle - 0.25))
        _arrow(ax, (3.75, middle + 0.25), (3.75, top - 0.25))
        _box(ax, 6.5, middle, "$o$ × tanh($c_t$)", width=1.8, height=0.45, colour="white")
        _arrow(ax, (6.5, top - 0.05), (6.5, middle + 0.25))
        _arrow(ax, (6.5, 0.37), (6.5, middle - 0.25))
        _arrow(ax, (7.42, middle), (7.95, middle))
        ax.text(8.1, middle, "$h_t$", ha="left", va="center", fontsize=11)
        _arrow(ax, (1.5, 0.37), (1.5, top - 0.25))
    else:
        gates = {1.5: "$z$\nσ", 3.0: "$r$\nσ", 4.5: "cand.\ntanh"}
        names = "z: update gate (used twice), r: reset gate, cand.: candidate state"
        _box(ax, 5.5, middle, "(1 - $z$) × cand.", width=1.8, height=0.45, colour="white")
        _arrow(ax, (4.7, 0.37), (5.3, middle - 0.25))
        _arrow(ax, (5.5, middle + 0.25), (5.5, top - 0.25))
        _arrow(ax, (3.42, 0), (4.08, 0))
        ax.text(3.75, -0.7, "$r$ scales the recurrent part", ha="center", fontsize=9, color="dimgray")
        _arrow(ax, (1.5, 0.37), (1.5, top - 0.25))
    for x, label in gates.items():
        _box(ax, x, 0, label, width=0.8, height=0.7, colour=CELL_COLOUR)
    ax.text(3.5, -1.05, f"{names}; each reads $x_t$ and $h_{{t-1}}$", ha="center", fontsize=9, color="dimgray")
    ax.set_title(f"{kind} cell", fontsize=11)
    ax.set_xlim(-1.2, 8.8)
    ax.set_ylim(-1.4, 2.8)
    return ax
