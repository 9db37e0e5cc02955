"""rnn_tutorial: the companion package of the rnn-tutorial notebooks.

Import the modules you need (``from rnn_tutorial import text``); this file
imports nothing, so `setup()` can quiet TensorFlow before anything loads it.
"""

__version__ = "0.1.0"
