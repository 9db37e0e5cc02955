"""Architecture drawings, made with matplotlib so they render anywhere and can be changed (notebooks 03, 04).

Each function takes ``ax=None`` (a new figure is made when none is given) and
returns the ``Axes`` it drew on.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from rnn_tutorial.validation import check_int

CELL_COLOUR = "#cfe2f3"
INPUT_COLOUR = "#fce5cd"
OUTPUT_COLOUR = "#d9ead3"
DECODER_COLOUR = "#d9d2e9"  # the cells of a decoder, which write (notebook 04)


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
    style = {"color": "black", **style}
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle="-|>", mutation_scale=12, linewidth=1.2, **style))
    if label:
        x = (start[0] + end[0]) / 2 + label_offset[0]
        y = (start[1] + end[1]) / 2 + label_offset[1]
        ax.text(x, y, label, ha="center", va="center", fontsize=11, color="dimgray")


def draw_folded_equals_unrolled(words: Sequence[str], outputs: Sequence[str] | None = None, ax=None):
    """The folded RNN, "=", and the same RNN unrolled over `words`: two pictures of one network (notebook 03).

    Left, the folded picture: one cell whose state loops back to it. Right, the
    same cell drawn once per word, the state passed left to right from h0 = 0.
    Every box is labelled; the arrows carry the weights' names `W_x`, `W_h`,
    `W_y`, the same at every step. `outputs` label the output boxes (one per
    word; `y_1, y_2, ...` when not given).
    """
    if not isinstance(words, Sequence) or isinstance(words, str) or isinstance(outputs, str):
        raise ValueError(f"words and outputs must be lists of str, not one str; got {words!r} and {outputs!r}")
    words = list(words)
    if not 1 <= len(words) <= 8 or not all(isinstance(w, str) and w for w in words):
        raise ValueError(f"words must be a list of 1 to 8 non-empty str; got {words!r}")
    if outputs is not None:
        if not isinstance(outputs, Sequence) or len(outputs) != len(words):
            raise ValueError(f"outputs must have one label per word ({len(words)}); got {outputs!r}")
        if not all(isinstance(o, str) and o for o in outputs):
            raise ValueError(f"outputs must be non-empty labels (str); got {list(outputs)!r}")
    labels = list(outputs) if outputs is not None else [f"$y_{t + 1}$" for t in range(len(words))]
    step, start = 2.3, 5.6  # the unrolled cells sit at start, start + step, ...
    end = start + (len(words) - 1) * step
    ax = _new_axes(ax, (0.55 * (end + 3.6), 3.4))
    # Folded: one cell, its input below, its output above, its state looping back into it.
    _box(ax, 0, 0, "RNN cell")
    _box(ax, 0, -1.6, "$x_t$", width=0.8, height=0.5, colour=INPUT_COLOUR)
    _box(ax, 0, 1.6, "$y_t$", width=0.8, height=0.5, colour=OUTPUT_COLOUR)
    _arrow(ax, (0, -1.33), (0, -0.42), "$W_x$", (0.35, 0))
    _arrow(ax, (0, 0.42), (0, 1.33), "$W_y$", (0.35, 0))
    _arrow(ax, (0.77, 0.2), (0.77, -0.2), connectionstyle="arc,angleA=0,angleB=0,armA=35,armB=35,rad=8")
    ax.text(1.75, 0, "$h_{t-1}$\n$W_h$", ha="left", va="center", fontsize=11, color="dimgray")
    ax.text(0.6, -2.3, "folded", ha="center", fontsize=10, color="dimgray")
    ax.text(3.15, 0, "=", ha="center", va="center", fontsize=30)
    # Unrolled: the same cell once per word.
    ax.text(start - 1.4, 0.45, "$h_0 = 0$", ha="center", va="center", fontsize=11)
    _arrow(ax, (start - 1.5, 0), (start - 0.6, 0))
    for t, (word, label) in enumerate(zip(words, labels)):
        x = start + t * step
        _box(ax, x, 0, "RNN", width=1.1)
        _box(ax, x, -1.6, word, width=1.6, height=0.5, colour=INPUT_COLOUR)
        _box(ax, x, 1.6, label, width=1.0, height=0.5, colour=OUTPUT_COLOUR)
        _arrow(ax, (x, -1.33), (x, -0.42), "$W_x$", (0.35, 0))
        _arrow(ax, (x, 0.42), (x, 1.33), "$W_y$", (0.35, 0))
        if t + 1 < len(words):
            _arrow(ax, (x + 0.6, 0), (x + step - 0.6, 0), f"$h_{t + 1}$", (0, 0.25))
            ax.text(x + step / 2, -0.27, "$W_h$", ha="center", va="center", fontsize=11, color="dimgray")
    ax.text((start + end) / 2, -2.3, "unrolled: the same cell, the same $W_x, W_h, W_y$ at every step",
            ha="center", fontsize=10, color="dimgray")
    ax.set_xlim(-1.0, end + 1.0)
    ax.set_ylim(-2.6, 2.0)
    return ax


# Which steps take an input and which give an output, per type (notebook 04).
RNN_TYPES = {
    "one to one": {"steps": 1, "inputs": [0], "outputs": [0], "example": "an ordinary network"},
    # the one input sets the first state h0 (drawn at the left); the first step reads a start symbol
    "one to many": {"steps": 3, "inputs": [], "outputs": [0, 1, 2], "example": "a gender gives a name",
                    "feedback": True, "first_state": True, "start": [0]},
    "many to one": {"steps": 4, "inputs": [0, 1, 2, 3], "outputs": [3], "example": "a review gives a rating"},
    "many to many": {"steps": 4, "inputs": [0, 1, 2, 3], "outputs": [0, 1, 2, 3], "example": "a tag per word",
                     "title": "many to many, aligned"},
    "encoder-decoder": {"steps": 7, "inputs": [0, 1, 2], "outputs": [3, 4, 5, 6], "example": "translation",
                        "feedback": True, "start": [3], "title": "many to many: encoder-decoder"},
}


def draw_rnn_type(kind: str, ax=None):
    """One of the RNN types of `RNN_TYPES`: input boxes below, the cell once per step, output boxes above.

    A "start" box below a step is the start symbol it reads (`^`, `<start>`); with `first_state`, the
    one input is drawn at the left and sets the first state $h_0$.
    """
    if not isinstance(kind, str) or kind not in RNN_TYPES:
        raise ValueError(f"kind must be one of {list(RNN_TYPES)}; got {kind!r}")
    spec = RNN_TYPES[kind]
    step, steps = 1.3, spec["steps"]
    left = -1.5 if spec.get("first_state") else 0.0  # room for the input that sets h0
    ax = _new_axes(ax, (0.9 * steps + 1 - left, 3))
    if spec.get("first_state"):
        _box(ax, left, 0, "$x$", width=0.6, height=0.4, colour=INPUT_COLOUR)
        _arrow(ax, (left + 0.32, 0), (-0.42, 0), label="$h_0$", label_offset=(0, 0.32))
    for t in spec.get("start", []):
        _box(ax, t * step, -1.4, "", width=0.8, height=0.4, colour=INPUT_COLOUR)
        ax.text(t * step, -1.4, "start", ha="center", va="center", fontsize=8)
        _arrow(ax, (t * step, -1.18), (t * step, -0.32))
    for t in range(steps):
        x = t * step
        decoding = spec.get("feedback") and t in spec["outputs"]  # a cell that writes, fed its own output
        # labelled x_1, h_1, y_1, ...: inputs and outputs numbered in their own order, the states by step
        _box(ax, x, 0, f"$h_{t + 1}$", width=0.8, height=0.6, colour=DECODER_COLOUR if decoding else CELL_COLOUR)
        if t in spec["inputs"]:
            _box(ax, x, -1.4, f"$x_{spec['inputs'].index(t) + 1}$", width=0.6, height=0.4, colour=INPUT_COLOUR)
            _arrow(ax, (x, -1.18), (x, -0.32))
        if t in spec["outputs"]:
            _box(ax, x, 1.4, f"$y_{spec['outputs'].index(t) + 1}$", width=0.6, height=0.4, colour=OUTPUT_COLOUR)
            _arrow(ax, (x, 0.32), (x, 1.18))
        if t + 1 < steps:
            hand_off = kind == "encoder-decoder" and t + 1 == spec["outputs"][0]  # the encoder's last state
            _arrow(ax, (x + 0.42, 0), (x + step - 0.42, 0))
            if hand_off:  # above the arrow, small enough to stay clear of the boxes
                ax.text(x + step / 2 - 0.1, 0.62, "summary", ha="center", va="center", fontsize=9, color="dimgray")
        if spec.get("feedback") and t in spec["outputs"] and t + 1 < steps:
            # the output, fed back in as the next step's input: drawn over the next cell, so its head shows
            _arrow(ax, (x + 0.32, 1.4), (x + step - 0.22, 0.34), linestyle="--", connectionstyle="arc3,rad=-0.35",
                   zorder=3)
    if kind == "encoder-decoder":  # name the two RNNs where their steps leave room
        reading = sum(spec["inputs"]) / len(spec["inputs"]) * step
        writing = sum(spec["outputs"][1:]) / len(spec["outputs"][1:]) * step  # clear of the start box
        ax.text(reading, 1.4, "encoder: reads", ha="center", va="center", fontsize=10, color="dimgray")
        ax.text(writing, -1.4, "decoder: writes", ha="center", va="center", fontsize=10, color="dimgray")
    ax.set_title(f"{spec.get('title', kind)}\n({spec['example']})", fontsize=10)
    ax.set_xlim(left - 0.8, (steps - 1) * step + 0.8)
    ax.set_ylim(-1.8, 1.8)
    return ax


def _node(ax, x, y, label):
    """A small round operation node (× or +) on a line."""
    _box(ax, x, y, label, width=0.42, height=0.42, colour="white")


def _bus(ax, gate_xs, y_bus, y_gate):
    """The line that carries x_t and h_{t-1} under the gates, and an arrow up into each gate."""
    ax.plot([0.0, max(gate_xs)], [y_bus, y_bus], color="black", linewidth=1.2)
    for x in gate_xs:
        _arrow(ax, (x, y_bus), (x, y_gate - 0.4))


def draw_gated_cell(kind: str, ax=None):
    """The inside of an LSTM or a GRU cell: its gates, and the line along which its memory flows (notebook 06).

    Every gate reads $x_t$ and $h_{t-1}$ from the line along the bottom. The
    memory line along the top is changed only by a product (×) and a sum (+),
    never by a weight matrix or a squashing function, which is what lets
    information, and its gradient, travel far along it.
    """
    if not isinstance(kind, str) or kind not in ("LSTM", "GRU"):
        raise ValueError(f"kind must be 'LSTM' or 'GRU'; got {kind!r}")
    ax = _new_axes(ax, (8.5, 4.4))
    top, gate_y, bus = 3.2, 1.3, 0.0
    ax.text(0.7, -0.9, "$x_t$", ha="center", va="center", fontsize=12)
    _arrow(ax, (0.7, -0.7), (0.7, bus))
    if kind == "LSTM":
        gates = {2.0: "$f$\nσ", 3.4: "$i$\nσ", 4.8: "$g$\ntanh", 6.6: "$o$\nσ"}
        ax.text(-0.3, top, "$c_{t-1}$", ha="right", va="center", fontsize=12)
        ax.text(-0.3, bus, "$h_{t-1}$", ha="right", va="center", fontsize=12)
        ax.plot([-0.2, 0.0], [bus, bus], color="black", linewidth=1.2)
        _arrow(ax, (-0.2, top), (1.79, top))
        _node(ax, 2.0, top, "×")
        _arrow(ax, (2.21, top), (4.09, top))
        _node(ax, 4.3, top, "+")
        _arrow(ax, (4.51, top), (9.4, top))
        ax.text(9.5, top, "$c_t$", ha="left", va="center", fontsize=12)
        _arrow(ax, (2.0, gate_y + 0.4), (2.0, top - 0.21))  # f scales the old memory
        _node(ax, 4.3, 2.3, "×")  # i × g, the part written
        _arrow(ax, (3.4, gate_y + 0.4), (4.12, 2.15))
        _arrow(ax, (4.8, gate_y + 0.4), (4.45, 2.12))
        _arrow(ax, (4.3, 2.51), (4.3, top - 0.21))
        _box(ax, 8.0, 2.3, "tanh", width=0.7, height=0.4, colour="white")  # what the cell shows
        _arrow(ax, (8.0, top), (8.0, 2.5))
        _node(ax, 8.0, gate_y, "×")
        _arrow(ax, (8.0, 2.1), (8.0, gate_y + 0.21))
        _arrow(ax, (7.0, gate_y), (7.79, gate_y))
        _arrow(ax, (8.21, gate_y), (9.4, gate_y))
        ax.text(9.5, gate_y, "$h_t$", ha="left", va="center", fontsize=12)
        names = "f: forget gate   i: input gate   g: candidate   o: output gate   (Keras stores them as i, f, g, o)"
    else:
        gates = {2.0: "$z$\nσ", 3.4: "$r$\nσ", 5.4: "cand.\ntanh"}
        ax.text(-0.3, top, "$h_{t-1}$", ha="right", va="center", fontsize=12)
        ax.plot([0.0, 0.0], [top, bus], color="black", linewidth=1.2)  # h_{t-1} also feeds the gates
        _arrow(ax, (-0.2, top), (1.79, top))
        _node(ax, 2.0, top, "×")
        _arrow(ax, (2.21, top), (6.19, top))
        _node(ax, 6.4, top, "+")
        _arrow(ax, (6.61, top), (9.4, top))
        ax.text(9.5, top, "$h_t$", ha="left", va="center", fontsize=12)
        _arrow(ax, (2.0, gate_y + 0.4), (2.0, top - 0.21))  # z keeps part of the old state
        _box(ax, 4.6, 2.3, "1 - $z$", width=0.8, height=0.4, colour="white")
        _arrow(ax, (2.45, gate_y + 0.3), (4.2, 2.25))
        _node(ax, 6.4, 2.3, "×")  # (1 - z) × candidate, the part written
        _arrow(ax, (5.0, 2.3), (6.19, 2.3))
        _arrow(ax, (5.4, gate_y + 0.4), (6.25, 2.15))
        _arrow(ax, (6.4, 2.51), (6.4, top - 0.21))
        _arrow(ax, (3.85, gate_y), (4.85, gate_y))  # r scales the recurrent part of the candidate
        ax.text(4.35, gate_y - 0.35, "$r$", ha="center", fontsize=10, color="dimgray")
        names = "z: update gate (used twice)   r: reset gate   cand.: candidate state"
    _bus(ax, list(gates), bus, gate_y)
    for x, label in gates.items():
        _box(ax, x, gate_y, label, width=0.9, height=0.8, colour=CELL_COLOUR)
    ax.text(4.5, top + 0.5, "memory line: only × and + act on it", ha="center", fontsize=10, color="dimgray")
    ax.text(4.0, -0.55, "every gate reads $x_t$ and $h_{t-1}$", ha="center", fontsize=10, color="dimgray")
    ax.text(4.5, -1.45, names, ha="center", fontsize=9, color="dimgray")
    ax.set_title(f"{kind} cell", fontsize=12)
    ax.set_xlim(-1.3, 10.3)
    ax.set_ylim(-1.8, 4.0)
    return ax


GRADIENT_COLOUR = "#c0392b"


def draw_backward_rnn(steps: int = 4, ax=None):
    """Backpropagation through time: the loss reads the last state; gradients run right to left (notebook 05).

    Grey arrows are the forward pass; red arrows carry the gradient back, from
    the loss to the last state, then one step at a time to the first, and down
    from every step into the one set of shared weights, where they are summed.
    """
    steps = check_int("steps", steps, 1, 8)
    step = 2.2
    ax = _new_axes(ax, (1.7 * steps + 2.2, 4.0))
    grey = {"color": "grey"}
    for t in range(steps):
        x = t * step
        _box(ax, x, 0, f"$h_{t + 1}$", width=1.0)
        _box(ax, x, -1.5, f"$x_{t + 1}$", width=0.8, height=0.5, colour=INPUT_COLOUR)
        _arrow(ax, (x, -1.23), (x, -0.38), **grey)
        if t + 1 < steps:
            _arrow(ax, (x + 0.55, -0.12), (x + step - 0.55, -0.12), **grey)
            _arrow(ax, (x + step - 0.55, 0.15), (x + 0.55, 0.15), color=GRADIENT_COLOUR)
            ax.text(x + step / 2, 0.42, rf"$\times (1-h_{{{t + 2}}}^2)\, w_h$", ha="center", fontsize=8,
                    color=GRADIENT_COLOUR)
        # every step sends its share of the weights' gradient down to the shared weights
        _arrow(ax, (x + 0.2, -0.38), ((steps - 1) * step / 2 + 0.3 * (t - (steps - 1) / 2), -2.55),
               color=GRADIENT_COLOUR, linestyle="--", alpha=0.6)
    loss_x = (steps - 1) * step + step
    _box(ax, loss_x, 0, "loss $L$", width=1.1, colour=OUTPUT_COLOUR)
    _arrow(ax, ((steps - 1) * step + 0.55, -0.12), (loss_x - 0.6, -0.12), **grey)
    _arrow(ax, (loss_x - 0.6, 0.15), ((steps - 1) * step + 0.55, 0.15), color=GRADIENT_COLOUR)
    ax.text(loss_x - step / 2, 0.42, rf"$\partial L/\partial h_{{{steps}}}$", ha="center", fontsize=9,
            color=GRADIENT_COLOUR)
    _box(ax, (steps - 1) * step / 2, -2.85, "shared $w_x, w_h, b$: gradients summed over the steps",
         width=max(6.0, (steps - 1) * step + 1.0), height=0.5, colour="white")
    ax.text(loss_x / 2, 1.05, "forward: grey, left to right      backward: red, right to left", ha="center",
            fontsize=9, color="dimgray")
    ax.set_xlim(-0.9, loss_x + 0.8)
    ax.set_ylim(-3.3, 1.4)
    return ax


def draw_feedforward(inputs: int = 5, hidden: int = 3, words: Sequence[str] | None = None,
                     extra_word: str | None = None, ax=None):
    """A feedforward network with a fixed number of input slots, each joined to every hidden unit (notebook 02).

    `words` labels the input slots, one per slot (`x_1`, `x_2`... when None).
    `extra_word` draws one more word below the slots, with no arrows: a word
    beyond the length the network was built for has no slot and no weights.
    """
    inputs, hidden = check_int("inputs", inputs, 1, 12), check_int("hidden", hidden, 1, 8)
    if words is not None:
        if isinstance(words, str) or not isinstance(words, Sequence) or not all(isinstance(w, str) for w in words):
            raise ValueError(f"words must be a list of str, one per input; got {words!r}")
        if len(words) != inputs:
            raise ValueError(f"words must have one label per input ({inputs}); got {len(words)}")
    if extra_word is not None and not isinstance(extra_word, str):
        raise ValueError(f"extra_word must be a str or None; got {extra_word!r}")
    labels = list(words) if words is not None else [f"$x_{{{i + 1}}}$" for i in range(inputs)]
    tall = 0.9 * max(inputs, hidden)
    extra = 0.8 if extra_word is not None else 0.0
    ax = _new_axes(ax, (6.5, 0.55 * tall + 2.2 + extra))
    in_y = [tall / 2 - (i + 0.5) * tall / inputs for i in range(inputs)]  # top to bottom
    hid_y = [tall / 2 - (j + 0.5) * tall / hidden for j in range(hidden)]
    x_in, x_hid, x_out = 0.0, 3.2, 6.0
    for y in in_y:  # every slot to every hidden unit
        for y2 in hid_y:
            _arrow(ax, (x_in + 0.8, y), (x_hid - 0.4, y2), color="grey")
    for y2 in hid_y:
        _arrow(ax, (x_hid + 0.4, y2), (x_out - 0.65, 0), color="grey")
    for label, y in zip(labels, in_y):
        _box(ax, x_in, y, label, width=1.5, height=0.55, colour=INPUT_COLOUR)
    for j, y in enumerate(hid_y):
        _box(ax, x_hid, y, f"$h_{{{j + 1}}}$", width=0.7, height=0.55)
    _box(ax, x_out, 0, "output", width=1.2, height=0.55, colour=OUTPUT_COLOUR)
    top = tall / 2 + 0.45
    for x, title in ((x_in, "input layer\n(a slot per word)"), (x_hid, "hidden layer"), (x_out, "output layer")):
        ax.text(x, top, title, ha="center", va="bottom", fontsize=10, color="dimgray")
    bottom = -tall / 2 - 0.3 - extra
    if extra_word is not None:
        _box(ax, x_in, bottom + 0.35, extra_word, width=1.5, height=0.55, colour="white")
        ax.text(x_in + 1.0, bottom + 0.35, f"word {inputs + 1}: no slot, no weights", ha="left", va="center",
                fontsize=10, color="firebrick")
    ax.text(3.0, bottom - 0.5, "each slot holds one word's one-hot vector, so each arrow from a slot\n"
            "stands for one weight per word of the vocabulary", ha="center", va="center", fontsize=9,
            color="dimgray")
    ax.set_xlim(-1.0, 7.0)
    ax.set_ylim(bottom - 0.9, top + 1.0)
    return ax


def draw_scan_dependencies(length: int = 8, ax=None):
    """Hillis and Steele's parallel scan as a dependency diagram (notebook 08).

    One row per pass (the inputs on top), one column per position; each box is
    labelled with the range of steps its pair covers, `first..last`. In the pass
    with offset `d`, a position `t >= d` gets two arrows, from itself and from
    `t - d` in the row above; a position `t < d` keeps its pair (one arrow).
    `length` is the number of steps, an int in 2..16.
    """
    length = check_int("length", length, 2, 16)
    offsets = []
    while 2 ** len(offsets) < length:
        offsets.append(2 ** len(offsets))
    step, row = 1.25, 1.5  # distances between columns and between rows
    ax = _new_axes(ax, (0.75 * length * step + 1.5, 0.75 * row * (len(offsets) + 1) + 1.3))
    covered = [(t, t) for t in range(length)]
    for number in range(len(offsets) + 1):
        y = -number * row
        if number:
            d = offsets[number - 1]
            covered = covered[:d] + [(covered[t - d][0], covered[t][1]) for t in range(d, length)]
            for t in range(length):
                _arrow(ax, (t * step, y + row - 0.3), (t * step, y + 0.3), color="grey")
                if t >= d:
                    _arrow(ax, ((t - d) * step + 0.2, y + row - 0.3), (t * step - 0.2, y + 0.3), color="steelblue")
        for t, (first, last) in enumerate(covered):
            colour = OUTPUT_COLOUR if first == 0 else (INPUT_COLOUR if number == 0 else CELL_COLOUR)
            _box(ax, t * step, y, f"{first}..{last}", width=0.95, height=0.5, colour=colour)
        label = "steps" if number == 0 else f"pass {number}\noffset {offsets[number - 1]}"
        ax.text(-0.9, y, label, ha="right", va="center", fontsize=9, color="dimgray")
    ax.text((length - 1) * step / 2, -len(offsets) * row - 0.75, "orange: the steps' own pairs;  green: finished, "
            "covering every step from 0;  blue: not yet\ngrey arrow: a box's own pair, kept;  blue arrow: the pair "
            "one offset to the left, combined with it", ha="center", va="top", fontsize=9, color="dimgray")
    ax.set_xlim(-2.4, (length - 1) * step + 0.7)
    ax.set_ylim(-len(offsets) * row - 1.5, 0.5)
    return ax


def draw_attention_step(positions: int = 4, ax=None):
    """One step of attention: a query scored against every key, a softmax, the weighted sum of the values (notebook 07).

    The query $q$ (the decoder's state) is compared with each key $k_j$ by a
    score; the softmax turns the scores into weights $a_j$, positive and summing
    to 1; each value $v_j$ is multiplied by its weight and the products are
    summed into the context vector. In notebook 07 the keys and the values are
    the same vectors, the encoder's states, one per input position.
    """
    positions = check_int("positions", positions, 1, 8)
    step, first = 1.9, 2.2  # column j sits at first + j * step
    xs = [first + j * step for j in range(positions)]
    right = xs[-1] + 0.9
    ax = _new_axes(ax, (0.75 * (right + 1.6), 5.2))
    key_y, bus_y, score_y, soft_y, mult_y, sum_y, context_y = 3.6, 2.75, 2.0, 0.9, -0.3, -1.45, -2.4
    _box(ax, 0, key_y, "query $q$\n(decoder state)", width=2.1, height=0.8)
    ax.plot([0, 0, xs[-1] - 0.3], [key_y - 0.45, bus_y, bus_y], color="black", linewidth=1.2)
    for j, x in enumerate(xs):
        _box(ax, x, key_y, f"$k_{j + 1}$", width=0.7, height=0.5, colour=INPUT_COLOUR)
        _arrow(ax, (x + 0.2, key_y - 0.27), (x + 0.2, score_y + 0.27))  # the key into its score
        _arrow(ax, (x - 0.3, bus_y), (x - 0.3, score_y + 0.27))  # the query into every score
        _box(ax, x, score_y, f"$q \\cdot k_{j + 1}$", width=1.2, height=0.45)
        _arrow(ax, (x, score_y - 0.25), (x, soft_y + 0.3))
        _arrow(ax, (x, soft_y - 0.3), (x, mult_y + 0.23), f"$a_{j + 1}$", (0.25, 0))
        _node(ax, x, mult_y, "×")
        _box(ax, x + 0.75, mult_y, f"$v_{j + 1}$", width=0.55, height=0.45, colour=INPUT_COLOUR)
        _arrow(ax, (x + 0.47, mult_y), (x + 0.22, mult_y))  # the value, scaled by its weight
        _arrow(ax, (x, mult_y - 0.23), ((xs[0] + xs[-1]) / 2 + 0.1 * (j - (positions - 1) / 2), sum_y + 0.22))
    middle = (xs[0] + xs[-1]) / 2
    _box(ax, middle, soft_y, "softmax: weights $a_j$, positive, summing to 1", width=xs[-1] - xs[0] + 1.4,
         height=0.5, colour="white")
    _node(ax, middle, sum_y, "+")
    _arrow(ax, (middle, sum_y - 0.22), (middle, context_y + 0.3))
    _box(ax, middle, context_y, "context $c = \\Sigma_j\\, a_j v_j$", width=2.6, height=0.5, colour=OUTPUT_COLOUR)
    for y, label in ((key_y, "keys"), (score_y, "scores"), (mult_y, "values")):
        ax.text(right + 0.3, y, label, ha="left", va="center", fontsize=10, color="dimgray")
    ax.text(middle, context_y - 0.6, "keys and values: the encoder's states, one per input position",
            ha="center", fontsize=9, color="dimgray")
    ax.set_xlim(-1.1, right + 1.5)
    ax.set_ylim(context_y - 0.9, key_y + 0.6)
    return ax


BACKWARD_COLOUR = "#f4cccc"  # the cells of the RNN that reads right to left (notebook 03)


def draw_bidirectional_rnn(words: Sequence[str], outputs: Sequence[str] | None = None, ax=None):
    """A bidirectional RNN over `words`: one RNN reads left to right, a second right to left (notebook 03).

    The lower row (blue) is the left-to-right RNN, its state passed rightwards
    from $\\overrightarrow{h}_0 = 0$; the upper row (red) is the right-to-left
    RNN, with weights of its own, its state passed leftwards. Every word goes
    into both; each output reads both states of its word, set side by side.
    `outputs` label the output boxes (one per word; `y_1, y_2, ...` when not given).
    """
    if isinstance(words, str) or not isinstance(words, Sequence) or isinstance(outputs, str):
        raise ValueError(f"words and outputs must be lists of str, not one str; got {words!r} and {outputs!r}")
    words = list(words)
    if not 1 <= len(words) <= 8 or not all(isinstance(w, str) and w for w in words):
        raise ValueError(f"words must be a list of 1 to 8 non-empty str; got {words!r}")
    if outputs is not None and (not isinstance(outputs, Sequence) or len(outputs) != len(words)
                                or not all(isinstance(o, str) and o for o in outputs)):
        raise ValueError(f"outputs must be one non-empty label (str) per word ({len(words)}); got {outputs!r}")
    labels = list(outputs) if outputs is not None else [f"$y_{t + 1}$" for t in range(len(words))]
    step, n = 2.0, len(words)
    ax = _new_axes(ax, (0.56 * (n * step + 3.2), 4.4))
    light = {"color": "grey"}
    for t, (word, label) in enumerate(zip(words, labels)):
        x = t * step
        fwd, bwd = x - 0.35, x + 0.35  # the two cells of step t, side by side and at two heights
        _box(ax, x, -1.5, word, width=1.4, height=0.5, colour=INPUT_COLOUR)
        _box(ax, fwd, 0, f"$\\overrightarrow{{h}}_{t + 1}$", width=0.7, height=0.6)
        _box(ax, bwd, 1.2, f"$\\overleftarrow{{h}}_{t + 1}$", width=0.7, height=0.6, colour=BACKWARD_COLOUR)
        _box(ax, x, 2.7, label, width=1.0, height=0.5, colour=OUTPUT_COLOUR)
        _arrow(ax, (fwd, -1.23), (fwd, -0.32))  # the word into both cells
        _arrow(ax, (bwd + 0.15, -1.23), (bwd + 0.15, 0.88), **light)
        _arrow(ax, (fwd - 0.15, 0.32), (x - 0.2, 2.43), **light)  # both states into the output
        _arrow(ax, (bwd, 1.52), (x + 0.2, 2.43))
        if t + 1 < n:
            _arrow(ax, (fwd + 0.4, 0), (fwd + step - 0.4, 0))  # left to right
            _arrow(ax, (bwd + step - 0.4, 1.2), (bwd + 0.4, 1.2), color="firebrick")  # right to left
    end = (n - 1) * step
    ax.text(-1.3, 0, "$\\overrightarrow{h}_0 = 0$", ha="right", va="center", fontsize=10)
    _arrow(ax, (-1.25, 0), (-0.75, 0))
    ax.text(end + 1.3, 1.2, f"$\\overleftarrow{{h}}_{{{n + 1}}} = 0$", ha="left", va="center", fontsize=10)
    _arrow(ax, (end + 1.25, 1.2), (end + 0.75, 1.2), color="firebrick")
    ax.text(end / 2, -2.2, "blue row: reads left to right;  red row: a second RNN, its own weights, reads right to "
            "left;\n"
            "every word goes up into both rows, and each output reads both states of its word, side by side",
            ha="center", va="center", fontsize=9, color="dimgray")
    ax.set_xlim(-2.5, end + 2.5)
    ax.set_ylim(-2.6, 3.1)
    return ax


def draw_letter_steps(name: str, generating: bool, ax=None):
    """The name writer of notebook 04 over the letters of `name`, in training or in generation.

    Training (teacher forcing): the inputs below are `^` and the real name's
    letters, all known in advance; each output is compared with the next real
    letter. Generating: only `^` is given; each drawn letter is fed back, by a
    dashed arrow, as the next step's input. Both start from the gender's $h_0$.
    """
    if not isinstance(name, str) or not 1 <= len(name) <= 8 or not name.isalpha():
        raise ValueError(f"name must be a str of 1 to 8 letters; got {name!r}")
    if not isinstance(generating, bool):
        raise ValueError(f"generating must be True or False; got {generating!r}")
    inputs, outputs = ["^", *name], [*name, "$"]
    step = 1.3
    ax = _new_axes(ax, (0.9 * len(inputs) + 2.0, 3.2))
    _box(ax, -1.8, 0, "gender", width=1.15, height=0.45, colour=INPUT_COLOUR)
    _arrow(ax, (-1.17, 0), (-0.42, 0), label="$h_0$", label_offset=(0, 0.3))
    for t, (given, wanted) in enumerate(zip(inputs, outputs)):
        x = t * step
        _box(ax, x, 0, f"$h_{t + 1}$", width=0.8, height=0.6, colour=DECODER_COLOUR if generating else CELL_COLOUR)
        _box(ax, x, 1.4, wanted, width=0.6, height=0.4, colour=OUTPUT_COLOUR)
        _arrow(ax, (x, 0.32), (x, 1.18))
        if not generating or t == 0:  # a given input: ^, or in training the real letter
            _box(ax, x, -1.4, given, width=0.6, height=0.4, colour=INPUT_COLOUR)
            _arrow(ax, (x, -1.18), (x, -0.32))
        if t + 1 < len(inputs):
            _arrow(ax, (x + 0.42, 0), (x + step - 0.42, 0))
            if generating:  # the drawn letter becomes the next input
                _arrow(ax, (x + 0.32, 1.4), (x + step - 0.22, 0.34), linestyle="--",
                       connectionstyle="arc3,rad=-0.35", zorder=3)
    ax.text(-1.2, 1.4, "drawn" if generating else "target", ha="right", va="center", fontsize=9, color="dimgray")
    ax.text(-1.2, -1.4, "given" if generating else "input", ha="right", va="center", fontsize=9, color="dimgray")
    title = ("generating: each drawn letter is fed back as the next input" if generating else
             "training (teacher forcing): every input is the real letter")
    ax.set_title(title, fontsize=10)
    ax.set_xlim(-2.6, (len(inputs) - 1) * step + 0.6)
    ax.set_ylim(-1.8, 1.8)
    return ax
