"""What every exercise check shares: running your function safely, comparing, and printing one line."""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from rnn_tutorial.answers import as_floats, as_number, describe

# A `convert` for `_call` takes the answer and returns `(it as the check needs it, None)` or `(None, what is wrong)`.

def _a_number(got) -> tuple[float | None, str | None]:
    """The answer as one float."""
    number = as_number(got)
    return (number, None) if number is not None else (None, f"return one number; got {describe(got)}")


def _an_array(shape: tuple, expected: str) -> Callable:
    """A `convert`: the answer as a float array of `shape`; else says `{expected} {shape}; got ...`."""

    def convert(got):
        array = as_floats(got)
        if array is None or array.shape != shape:
            return None, f"{expected} {shape}; got {describe(got)}"
        return array, None

    return convert


def _close(got: np.ndarray, want) -> bool:
    """Equal up to rounding, float32 or float64."""
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-4, atol=1e-5))


def _rounded(values) -> list:
    with np.errstate(all="ignore"):  # a huge value must not print a warning
        return np.round(np.asarray(values, dtype=float), 3).tolist()


def _raised(error: BaseException) -> str:
    try:
        text = " ".join(str(error).split())
    except Exception:  # an exception whose message cannot be shown
        text = ""
    text = text if len(text) <= 200 else text[:197] + "..."
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _call(fn, *args, convert=None, hint: str = ""):
    """Run the learner's function: `(result, None)`, or `(None, what went wrong)`.

    `convert(result)` returns `(value, None)` or `(None, what is wrong with the result)`.
    """
    if not callable(fn):
        return None, f"pass your function itself (its name, without calling it); got {describe(fn)}"
    try:
        result = fn(*args)
    except (Exception, SystemExit) as error:  # show the learner their own error, briefly
        return None, f"your function raised {_raised(error)}{hint}"
    if result is None:
        return None, "your function returned None: end it with `return` and your result"
    if result is ...:
        return None, "your function returned `...`: replace the `...` with your code"
    return convert(result) if convert else (result, None)


def _feedback(ok: bool, message: str) -> None:
    print(("Correct! " if ok else "Not yet: ") + message.replace("\n", " "))


CHECK_FAILED = "the check itself failed on this answer"


def _exercise(check: Callable) -> Callable:
    """Make an exercise check print one line and never raise: a safety net for a bug in the check itself."""

    @functools.wraps(check)
    def safe(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except Exception as error:
            return _feedback(False, f"{CHECK_FAILED} ({_raised(error)}); please report it")

    return safe

def _positions(answer) -> tuple[set | None, str | None]:
    """An answer as a set of int positions: an int, or a set, list, tuple, range or array of them."""
    if isinstance(answer, (set, frozenset)):
        answer = sorted(answer, key=repr)
    array = as_floats(answer)
    if array is None or array.ndim > 1 or (array.size and not np.all(np.isfinite(array))):
        return None, f"write the positions as a set of ints, e.g. {{0, 9}}; got {describe(answer)}"
    if isinstance(answer, (bool, np.bool_)) or np.any(array != np.round(array)):
        return None, f"positions are whole numbers, counted from 0; got {describe(answer)}"
    return {int(p) for p in array.reshape(-1)}, None


def _lowered_keys(answer: dict) -> dict:
    """A learner's dict with its str keys stripped and lower-cased (" Left" -> "left"); other keys dropped."""
    return {key.strip().lower(): value for key, value in answer.items() if isinstance(key, str)}
