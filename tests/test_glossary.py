"""Every term of the glossary is defined before it is used: in its own notebook first, and in no earlier one."""

import re

import nbformat
import pytest

from rnn_tutorial import glossary
from tools import notebooks as tool

PATHS = tool.notebook_paths()
NUMBERS = [int(p.name[:2]) for p in PATHS]
FENCED = re.compile(r"```.*?```", re.DOTALL)
NEXT = re.compile(r"^Next:.*?(?=\n[ \t]*\n|\Z)", re.MULTILINE | re.DOTALL)  # to the paragraph's end
PREVIEW = "**What you will learn**"  # a list of what is coming: it names terms before they are defined


def prose(path, previews: bool = True) -> str:
    """A notebook's markdown, without navigation, headings, fenced code and (if not `previews`) the preview list."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or tool.NAV_TAG in cell.metadata.get("tags", []):
            continue
        text = FENCED.sub("", cell.source)
        if not previews:
            text = text.split(PREVIEW)[0]
        parts += [line for line in text.splitlines() if not line.lstrip().startswith("#")] + [""]  # cells apart
    return "\n".join(parts)


def pattern(form: str) -> re.Pattern:
    """A form as a whole word (or words); case-sensitive when it has a capital (GRU, ReLU, W_x)."""
    flags = 0 if any(ch.isupper() for ch in form) else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])", flags)


def first_use(text: str, term: glossary.Term) -> re.Match | None:
    matches = [m for form in term.spellings() for m in [pattern(form).search(text)] if m]
    return min(matches, key=lambda m: m.start(), default=None)


def test_the_glossary_is_well_formed():
    names = [t.name for t in glossary.TERMS]
    assert len(names) == len(set(names)), "a term is listed twice"
    for term in glossary.TERMS:
        assert term.notebook in NUMBERS, f"{term.name}: no notebook {term.notebook:02d}"
        assert term.meaning and not term.meaning.endswith("."), f"{term.name}: one line, no full stop"


@pytest.mark.parametrize("term", glossary.TERMS, ids=[t.name for t in glossary.TERMS])
def test_a_term_is_not_used_before_the_notebook_that_defines_it(term):
    for path in PATHS:
        if int(path.name[:2]) >= term.notebook:
            break
        text = NEXT.sub("", prose(path))  # a "Next:" paragraph names what the next notebook teaches
        use = first_use(text, term)
        assert use is None, (f"{path.name} uses {use[0]!r} ({term.name}), which notebook {term.notebook:02d} "
                             f"defines: ...{text[max(0, use.start() - 60):use.end() + 20]}...")


@pytest.mark.parametrize("term", glossary.TERMS, ids=[t.name for t in glossary.TERMS])
def test_a_term_is_marked_where_its_notebook_first_uses_it(term):
    path = PATHS[NUMBERS.index(term.notebook)]
    text = prose(path, previews=False)
    use = first_use(text, term)
    assert use is not None, f"{path.name} never uses {term.name!r}, but the glossary says it defines it"
    before, after = text[:use.start()], text[use.end():]
    marked = re.search(r"(\*\*?|`)[^*`\n]{0,40}$", before) and re.match(r"[^*`\n]{0,40}(\*\*?|`)", after)
    assert marked, (f"{path.name}: the first use of {use[0]!r} should define it, in **bold** or *italics*: "
                    f"...{text[max(0, use.start() - 80):use.end() + 40]}...")


def test_glossary_md_is_as_make_nav_writes_it():
    assert tool.GLOSSARY.read_text(encoding="utf-8") == tool.glossary_markdown(), "run `make nav`"
