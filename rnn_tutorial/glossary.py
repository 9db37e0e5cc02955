"""The series' glossary: every term, the notebook that defines it, and one line that says what it is.

A test (tests/test_glossary.py) reads the notebooks' text and fails when a term
appears in a notebook before the one that defines it, or when the defining
notebook uses it before it marks the definition in bold or italics. `make nav`
writes GLOSSARY.md from this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A glossary entry: `notebook` defines it; `forms` are the spellings searched for (the name if empty)."""

    name: str
    notebook: int
    meaning: str
    forms: tuple[str, ...] = ()

    def spellings(self) -> tuple[str, ...]:
        return self.forms or (self.name,)


TERMS = (
    # 01 Sequential data
    Term("sequential data", 1, "data whose items come in an order that carries meaning: text, speech, time series"),
    Term("token", 1, "one unit of a text, here a word or a punctuation mark", ("token", "tokens")),
    Term("vocabulary", 1, "the list of known tokens, each with a number, its id; id 0 pads, id 1 is unknown"),
    Term("bag of words", 1, "a sentence as the count of each vocabulary word, order forgotten",
         ("bag of words", "bags of words")),
    Term("autocorrelation", 1, "how much a series resembles itself shifted by a lag: 1 perfectly, 0 not at all"),
    Term("model", 1, "a function with adjustable numbers (its weights) that turns an input into a prediction"),
    Term("weight", 1, "one adjustable number of a model; a bias is a weight added rather than multiplied",
         ("weight", "weights")),
    Term("sigmoid", 1, "sigmoid(z) = 1 / (1 + e^(-z)): squeezes any number into (0, 1), read as a probability",
         ("sigmoid",)),
    Term("loss", 1, "one number that says how wrong a model's predictions are; training makes it small",
         ("loss", "losses")),
    Term("binary cross-entropy", 1, "the loss -log(p) of the probability p a model gave to the right one of two "
         "answers", ("binary cross-entropy", "cross-entropy")),
    Term("gradient", 1, "how much the loss changes when each weight is nudged: one number per weight",
         ("gradient", "gradients")),
    Term("gradient descent", 1, "training by nudging every weight a small step against its gradient, again and again"),
    Term("learning rate", 1, "the size of gradient descent's step", ("learning rate", "learning rates")),
    Term("batch", 1, "the group of examples whose average gradient makes one training step",
         ("batch", "batches", "mini-batch")),
    Term("epoch", 1, "one pass of training through every training example", ("epoch", "epochs")),
    Term("held-out data", 1, "examples kept out of training and used only to score the model",
         ("held-out", "held out")),
    Term("dense layer", 1, "a layer in which every output is a weighted sum of every input, plus a bias",
         ("dense layer", "dense network", "dense (fully connected)", "fully connected")),
    Term("ReLU", 1, "relu(z) = max(0, z), the usual non-linearity between dense layers"),
    Term("hidden state", 1, "the vector an RNN carries from one step to the next: its memory of the sequence so far",
         ("hidden state", "hidden states")),
    Term("embedding", 1, "a learnt vector for each id, looked up in a table (notebook 02: one-hot times a matrix)",
         ("embedding", "embeddings")),
    # 02 Why not a feedforward network?
    Term("feedforward network", 2, "a network whose layers pass their outputs forward only, with no loop",
         ("feedforward",)),
    Term("one-hot vector", 2, "a vector of zeros with a single 1 at a word's id", ("one-hot",)),
    Term("padding", 1, "filling short sequences with id 0 so that a batch has one length (before: pre-, after: "
         "post-padding)", ("padding", "padded", "pre-padding", "post-padding")),
    Term("masking", 1, "telling a layer to skip the padded steps", ("masking", "mask_zero")),
    Term("parameter", 2, "a weight or bias of a model; Keras's count_params() counts them",
         ("parameter", "parameters")),
    Term("weight sharing", 2, "using the same weights at every position, as an RNN does at every step"),
    Term("convolutional network", 2, "a network whose layers slide a small window (filters with the same weights "
         "at every position) along the input; one layer sees only its window", ("convolutional", "CNN")),
    # 03 Inside an RNN
    Term("tanh", 3, "tanh(z) = (e^z - e^-z) / (e^z + e^-z): squeezes any number into (-1, 1)"),
    Term("kernel", 2, "Keras's name for a layer's matrix of input weights, (inputs, units); W_x in the equations",
         ("kernel", "W_x")),
    Term("recurrent kernel", 2, "Keras's name for the state-to-state weights W_h, (units, units)",
         ("recurrent_kernel", "recurrent kernel", "W_h")),
    Term("unrolled", 3, "an RNN drawn as one copy of its cell per time step, all with the same weights",
         ("unrolled", "unroll")),
    Term("softmax", 3, "turns a vector of scores into probabilities: e^score, divided by the sum"),
    Term("many to many", 3, "a sequence in, a sequence out: aligned, an output at every input step (notebook 03), or "
         "an encoder-decoder (notebook 04)", ("many to many", "many-to-many")),
    Term("named-entity tagger", 3, "a model that labels each word as a person, organisation, location or other",
         ("named-entity", "named entity")),
    Term("bidirectional RNN", 3, "two RNNs, one reading left to right and one right to left, their states joined",
         ("bidirectional",)),
    Term("categorical cross-entropy", 3, "the loss -log(p) of the probability p a model gave to the right one of "
         "several answers (Keras: sparse_categorical_crossentropy when the answers are ids)"),
    # 04 Types of RNN
    Term("many to one", 4, "an RNN that reads a whole sequence and gives one output at the end",
         ("many to one", "many-to-one")),
    Term("one to many", 4, "an RNN that starts from one input and writes a sequence, each output fed back in",
         ("one to many", "one-to-many")),
    Term("encoder-decoder", 4, "an encoder RNN reads the whole input into a state; a decoder RNN writes the output "
         "from it", ("encoder-decoder", "encoder", "decoder")),
    Term("teacher forcing", 4, "training a generator with the right previous output as its input, not its own"),
    Term("temperature", 4, "T in p^(1/T), renormalised: below 1 sharpens a distribution for sampling, above 1 "
         "flattens it"),
    Term("nat", 4, "the unit of -ln(p): a loss of 1 nat per letter means p = 1/e = 0.37 on average",
         ("nat", "nats")),
    Term("greedy decoding", 4, "writing an output by taking the most probable token at every step"),
    Term("bigram model", 4, "predicts each symbol from the previous one only: a table of how often each pair of "
         "symbols occurs, each row divided by its total", ("bigram",)),
    Term("GRU", 4, "the gated recurrent unit, an RNN cell with gates that decide what to keep (opened in notebook 06)",
         ("GRU", "gated recurrent unit")),
    # 05 Backpropagation through time
    Term("backpropagation through time", 5, "the chain rule applied to the unrolled RNN, from the last step back "
         "to the first", ("backpropagation through time", "BPTT")),
    Term("chain rule", 5, "the derivative of f(g(x)) is f'(g(x)) g'(x): gradients multiply along a path"),
    Term("finite differences", 5, "measuring a slope by nudging a number up and down: (L(w+e) - L(w-e)) / 2e",
         ("finite difference", "finite differences")),
    Term("vanishing gradient", 5, "a gradient that shrinks geometrically as it goes back through the steps",
         ("vanishing", "vanishes")),
    Term("exploding gradient", 5, "a gradient that grows geometrically as it goes back through the steps",
         ("exploding", "explodes")),
    Term("mean squared error", 5, "the average of (prediction - target)^2, the usual loss for predicting a number"),
    Term("norm", 5, "the length of a vector: the square root of the sum of its squared entries", ("norm", "norms")),
    Term("gradient clipping", 5, "scaling the gradients down when their joint norm is above a threshold",
         ("clipping", "clipped")),
    Term("truncated BPTT", 5, "BPTT that stops the gradient at the start of every chunk of steps",
         ("truncated BPTT", "truncation", "truncated")),
    # 06 LSTM and GRU
    Term("gate", 6, "a vector of numbers between 0 and 1 (a sigmoid) that scales another vector entry by entry",
         ("gate", "gates")),
    Term("element-wise product", 6, "a ⊙ b: multiply two vectors entry by entry", ("element-wise", "⊙")),
    Term("LSTM", 6, "long short-term memory: an RNN cell with a memory line (the cell state) and three gates",
         ("LSTM", "long short-term memory")),
    Term("cell state", 6, "the LSTM's memory c_t, changed only by a product and a sum at each step"),
    Term("adding problem", 6, "sum the two marked numbers of a long sequence: a test of long-range memory"),
    # 07 Attention
    Term("attention", 7, "each decoder step scores every encoder state against its own state and reads their "
         "weighted sum (Bahdanau, Cho and Bengio 2015)"),
    Term("alignment", 7, "which input position an output step draws on; reversing a string of length T: output i "
         "on input T-1-i"),
    Term("query", 7, "the vector that asks, in attention: here the decoder's state", ("query", "queries")),
    Term("key", 7, "a vector matched against the query, one per position; its value is what is read when it matches",
         ("keys",)),
    Term("attention weights", 7, "the softmax of the query's scores against the keys: positive, summing to 1"),
    Term("context vector", 7, "the attention weights times the values: what the decoder reads at one step"),
    Term("self-attention", 7, "attention in which the queries, keys and values all come from the same sequence"),
    Term("transformer", 7, "a stack of blocks of multi-head self-attention and wide feed-forward layers, with residual "
         "connections and layer normalisation, without recurrence (Vaswani et al. 2017)",
         ("transformer", "transformers")),
    Term("multi-head attention", 7, "several attentions side by side, each with its own W_Q, W_K, W_V, their outputs "
         "joined", ("multi-head attention", "multi-head")),
    Term("residual connection", 7, "adding a layer's input to its output, so the input and its gradient also pass "
         "straight through", ("residual connection", "residual connections")),
    Term("layer normalisation", 7, "rescaling each position's vector to mean 0 and variance 1, then by a learnt scale "
         "and shift", ("layer normalisation", "layer norm")),
    Term("cross-attention", 7, "attention whose queries come from one sequence (a decoder) and keys and values from "
         "another (an encoder)", ("cross-attention",)),
    Term("positional encoding", 7, "a vector added to each input that says where it stands, since self-attention "
         "alone is blind to order", ("positional encoding", "positional encodings")),
    # 08 RNNs today
    Term("minGRU", 8, "the minimal GRU (Feng et al. 2024): its update gate and candidate read x_t only, never "
         "h_(t-1), which leaves a linear recurrence"),
    Term("linear recurrence", 8, "h_t = a_t * h_(t-1) + b_t, entry by entry, with a_t and b_t computed from the "
         "inputs alone", ("linear recurrence", "linear recurrences")),
    Term("associative", 8, "an operation whose grouping does not matter: (s1 o s2) o s3 = s1 o (s2 o s3)"),
    Term("parallel scan", 8, "computes every running combination of an associative operation in a few passes "
         "(log2 of the length), all positions of a pass at once", ("parallel scan", "prefix scan")),
    Term("state-space model", 8, "a linear recurrence in control theory's notation; in S4 its decay is learnt and the "
         "same at every step, in Mamba (a selective one) it depends on the input",
         ("state-space model", "state-space models")),
    Term("selectivity", 8, "a recurrence whose gate depends on the input, so it chooses step by step what to keep "
         "and what to skip (Mamba)", ("selectivity",)),
    Term("work-efficient scan", 8, "a parallel scan whose work grows in proportion to the length, like the loop's, "
         "in about twice as many passes (Blelloch 1990)"),
)


def by_name() -> dict[str, Term]:
    """The terms, by name."""
    return {term.name: term for term in TERMS}


def markdown(notebook_titles: dict[int, tuple[str, str]]) -> str:
    """GLOSSARY.md: one line per term, alphabetical, with a link to the notebook that defines it.

    `notebook_titles` maps a notebook number to `(file name, title)`.
    """
    lines = ["# Glossary", "", "Every term of the series, where it is defined, and what it means. "
             "(Written by `make nav` from `rnn_tutorial/glossary.py`.)", "",
             "| term | defined in | meaning |", "|---|---|---|"]
    for term in sorted(TERMS, key=lambda t: t.name.lower()):
        file, title = notebook_titles[term.notebook]
        lines.append(f"| {term.name} | [{term.notebook:02d} {title}](notebooks/{file}) | {term.meaning} |")
    return "\n".join(lines) + "\n"
