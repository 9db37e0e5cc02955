import numpy as np
import pytest

from rnn_tutorial import bars


@pytest.mark.parametrize("args, kwargs, printed", [
    (("RNN accuracy", 0.931), {"at_least": 0.9}, "RNN accuracy: 93.1% (bar: >= 90.0%)"),
    (("gap", 0.0), {"at_most": 1e-6, "percent": False}, "gap: 0 (bar: <= 1e-06)"),
    (("factor", 0.5), {"at_least": 0.49, "at_most": 0.51, "percent": False}, "factor: 0.5 (bar: >= 0.49 and <= 0.51)"),
    (("error", np.float32(9.594e-08)), {"at_most": 1e-6, "percent": False}, "error: 9.594e-08 (bar: <= 1e-06)"),
    (("count", np.int64(7)), {"at_least": 5, "percent": False}, "count: 7 (bar: >= 5)"),
    (("RNN accuracy", 0.998), {"at_least": 0.9, "trained": True}, "RNN accuracy: 99.8% (trained, bar: >= 90.0%)"),
    (("loss", np.array(1.9641)), {"at_most": 2.25, "percent": False, "trained": True},
     "loss: 1.964 (trained, bar: <= 2.25)"),
])
def test_check_bar_prints_the_value_and_its_bar(capsys, args, kwargs, printed):
    bars.check_bar(*args, **kwargs)
    assert capsys.readouterr().out == printed + "\n"


@pytest.mark.parametrize("value, below, printed", [
    (6.868e-16, 1e-12, "< 1e-12"),
    (-3e-17, 1e-12, "< 1e-12"),
    (0.0, 1e-12, "< 1e-12"),
    (9.594e-08, 1e-12, "9.594e-08"),
    (9.594e-08, 1e-6, "< 1e-06"),
    (1e-6, 1e-6, "1e-06"),
])
def test_check_bar_prints_rounding_noise_below_a_threshold_the_same_everywhere(capsys, value, below, printed):
    bars.check_bar("largest |numpy - Keras|", value, at_most=1e-5, percent=False, below=below)
    assert capsys.readouterr().out == f"largest |numpy - Keras|: {printed} (bar: <= 1e-05)\n"


def test_check_bar_asserts_the_real_value_under_below(capsys):
    with pytest.raises(AssertionError, match="1e-13 misses its bar"):
        bars.check_bar("step", 1e-13, at_least=1e-12, percent=False, below=1e-6)
    assert capsys.readouterr().out == "step: < 1e-06 (bar: >= 1e-12)\n"
    bars.check_bar("share", 1e-15, at_most=0.5, below=1e-12, trained=True)
    assert capsys.readouterr().out == "share: < 1e-10% (trained, bar: <= 50.0%)\n"


@pytest.mark.parametrize("value, kwargs", [
    (0.89, {"at_least": 0.9}),
    (0.89, {"at_least": 0.9, "trained": True}),
    (0.56, {"at_least": 0.45, "at_most": 0.55}),
    (0.44, {"at_least": 0.45, "at_most": 0.55}),
    (float("nan"), {"at_least": 0.0}),
    (float("inf"), {"at_least": 0.0}),
    (-np.inf, {"at_most": 0.0, "trained": True}),
])
def test_check_bar_fails_outside_the_bar(value, kwargs):
    with pytest.raises(AssertionError):
        bars.check_bar("score", value, **kwargs)


def test_check_bar_needs_a_bar():
    with pytest.raises(ValueError, match="at_least, at_most or both"):
        bars.check_bar("score", 0.5)


@pytest.mark.parametrize("value, kwargs, message", [
    ("0.93", {"at_least": 0.9}, "value must be a number; got str '0.93'"),
    (None, {"at_least": 0.9}, "value must be a number; got None"),
    ([0.9, 0.8], {"at_least": 0.9}, "value must be a number; got a list of 2 items"),
    (np.zeros(3), {"at_least": 0.9}, r"value must be a number; got a float64 array of shape \(3,\)"),
    (True, {"at_least": 0.9}, "value must be a number; got bool True"),
    (0.5 + 1j, {"at_least": 0.9}, "value must be a number; got complex"),
    (0.93, {"at_least": "0.9"}, "at_least must be a finite number; got str '0.9'"),
    (0.93, {"at_least": float("nan")}, "at_least must be a finite number; got float nan"),
    (0.93, {"at_most": np.inf}, "at_most must be a finite number; got float inf"),
    (0.93, {"at_least": 0.9, "at_most": 0.8}, r"at_least \(0.9\) is above at_most \(0.8\)"),
    (0.93, {"at_least": 0.9, "below": 0}, "below must be a positive number, like 1e-12; got int 0"),
    (0.93, {"at_least": 0.9, "below": -1e-12}, "below must be a positive number"),
    (0.93, {"at_least": 0.9, "below": float("inf")}, "below must be a positive number"),
    (0.93, {"at_least": 0.9, "below": float("nan")}, "below must be a positive number"),
    (0.93, {"at_least": 0.9, "below": "1e-12"}, "below must be a positive number, like 1e-12; got str '1e-12'"),
])
def test_check_bar_refuses_bad_arguments(capsys, value, kwargs, message):
    with pytest.raises(ValueError, match=message):
        bars.check_bar("score", value, **kwargs)
    assert capsys.readouterr().out == ""
