"""The one call at the top of every notebook: `setup(seed=0)`.

Nothing here runs at import time. `setup()` quiets TensorFlow *before* it is
imported, seeds every random number generator, makes TensorFlow's ops
repeatable, sets the plot style of the series, and prints the versions in use.
"""

from __future__ import annotations

import os
import platform
import sys

from rnn_tutorial.validation import check_int

# Environment variables TensorFlow reads once, when it is first imported.
TF_ENVIRONMENT = {
    "TF_CPP_MIN_LOG_LEVEL": "3",  # hide the C++ INFO/WARNING lines on stderr
    "TF_ENABLE_ONEDNN_OPTS": "0",  # same CPU kernels on every machine
    "KERAS_BACKEND": "tensorflow",  # the series is written for this backend
}


def setup(seed: int = 0, threads: int = 2, verbose: bool = True) -> None:
    """Prepare a notebook: quiet logs, seeds, determinism, plot style; print the versions.

    Args:
        seed: seeds Python's `random`, numpy and Keras/TensorFlow.
        threads: CPU threads TensorFlow may use inside one op, and ops it may run at
            the same time (such as the two directions of a bidirectional layer).
        verbose: print the line of versions (see `versions()`).
    """
    seed, threads = check_int("seed", seed, 0), check_int("threads", threads, 1)
    if "tensorflow" not in sys.modules:
        for name, value in TF_ENVIRONMENT.items():
            os.environ.setdefault(name, value)

    import keras
    import tensorflow as tf

    from rnn_tutorial.plotting import use_style

    _set_threads(tf, threads)
    tf.config.experimental.enable_op_determinism()
    keras.utils.set_random_seed(seed)  # Python, numpy and TensorFlow
    tf.get_logger().setLevel("ERROR")
    use_style()
    if verbose:
        print(f"{versions()} | seed {seed}")


def versions() -> str:
    """One line with the versions that matter: ``"Python 3.11.7 | tensorflow 2.20.0 | ..."``."""
    import keras
    import matplotlib
    import numpy as np
    import tensorflow as tf

    return " | ".join(
        [
            f"Python {platform.python_version()}",
            f"tensorflow {tf.__version__}",
            f"keras {keras.__version__}",
            f"numpy {np.__version__}",
            f"matplotlib {matplotlib.__version__}",
        ]
    )


def _set_threads(tf, threads: int) -> None:
    """Fix TensorFlow's thread pools; they can only be set before the first op.

    The inter-op pool only decides which independent ops run at the same time,
    not what any of them computes, so results do not depend on its size.
    """
    try:
        tf.config.threading.set_inter_op_parallelism_threads(threads)
        tf.config.threading.set_intra_op_parallelism_threads(threads)
    except RuntimeError:
        # TensorFlow already ran an op in this kernel (setup() called twice):
        # the pools keep the sizes they were given the first time.
        pass
