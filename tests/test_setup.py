import os
import random
import subprocess
import sys

import numpy as np
import pytest

from rnn_tutorial.notebook import setup, versions


def test_setup_seeds_python_numpy_and_tensorflow(capsys):
    import tensorflow as tf

    setup(seed=7)
    first = (random.random(), np.random.rand(), float(tf.random.uniform(())))
    setup(seed=7)
    again = (random.random(), np.random.rand(), float(tf.random.uniform(())))
    assert first == again
    setup(seed=8, verbose=False)
    assert (random.random(), np.random.rand(), float(tf.random.uniform(()))) != first
    assert capsys.readouterr().out.count("| seed 7") == 2


def test_setup_applies_the_plot_style():
    import matplotlib.pyplot as plt

    from rnn_tutorial.plotting import STYLE

    plt.rcdefaults()
    setup(seed=0, verbose=False)
    assert plt.rcParams["figure.dpi"] == STYLE["figure.dpi"]


def test_versions_names_the_pinned_packages():
    line = versions()
    for name in ("Python", "tensorflow", "keras", "numpy", "matplotlib"):
        assert f"{name} " in line


@pytest.mark.parametrize("kwargs", [{"seed": -1}, {"seed": 1.5}, {"seed": True}, {"threads": 0}])
def test_setup_refuses_bad_arguments(kwargs):
    with pytest.raises(ValueError, match="seed|threads"):
        setup(**kwargs)


def test_importing_the_package_loads_no_tensorflow_and_no_plot_settings():
    code = ("import sys, rnn_tutorial, rnn_tutorial.notebook, rnn_tutorial.text, rnn_tutorial.datasets, "
            "rnn_tutorial.series, rnn_tutorial.bars, rnn_tutorial.exercises, rnn_tutorial.answers, "
            "rnn_tutorial.plotting; "
            "print('tensorflow' in sys.modules, 'keras' in sys.modules, 'matplotlib.pyplot' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_setup_quiets_tensorflow_before_importing_it():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "KERAS_"))}
    code = "from rnn_tutorial.notebook import setup; setup(verbose=False); print('done')"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert run.stdout.strip() == "done"
    assert run.stderr == "", run.stderr



def test_setup_accepts_a_numpy_integer_seed():
    setup(seed=np.int64(7), verbose=False)
    first = (random.random(), np.random.rand())
    setup(seed=7, verbose=False)
    assert (random.random(), np.random.rand()) == first
    with pytest.raises(ValueError, match="threads must be a positive int; got 2.0"):
        setup(threads=2.0)
