"""The documentation is part of the product: links resolve, examples run, the notebook executes.

Every ```python block of README.md and of the docs pages below runs, in page order, in one
namespace per page. A block preceded by the line ``<!-- no-test -->`` is skipped (for
examples that need files or services the test suite does not have).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from breachnlp.extensions import SPAN_EXTENSIONS
from breachnlp.pipeline import COMPONENTS
from breachnlp.taxonomy import PHI_CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
# Pages this suite runs the examples of (the other docs pages have their own tests).
RUNNABLE_PAGES = ["getting-started.md", "notebooks.md", "architecture.md", "output-schema.md"]
# Pages other work streams write; README links them before they exist.
PENDING_PAGES = {"evaluation.md", "batch.md", "performance.md", "security.md"}
# What README's examples assume is already defined (its snippets use `text`).
README_TEXT = ("La clinique du Val-Fleuri a été victime d'une cyberattaque en mai dernier. Les noms et les "
               "numéros de téléphone de 4 100 patients ont été volés.")

_LINK = re.compile(r"\[[^\]]*\]\(([^)#\s]+)(?:#[^)]*)?\)")
_BLOCK = re.compile(r"(?P<marker><!-- no-test -->\n)?```python\n(?P<code>.*?)```", re.S)


def _links(page: Path) -> list[str]:
    return [target for target in _LINK.findall(page.read_text(encoding="utf-8")) if "://" not in target]


def _blocks(page: Path) -> list[str]:
    return [m.group("code") for m in _BLOCK.finditer(page.read_text(encoding="utf-8")) if not m.group("marker")]


def _run_blocks(page: Path, namespace: dict) -> None:
    for number, code in enumerate(_blocks(page), start=1):
        exec(compile(code, f"{page.name} (python block {number})", "exec"), namespace)  # noqa: S102


# ----------------------------------------------------------------- links
def test_docs_readme_links_every_doc_page():
    linked = {Path(target).name for target in _links(README) if target.startswith("docs/")}
    pages = {p.name for p in DOCS.iterdir() if p.suffix in (".md", ".ipynb")}
    assert pages - linked == set()
    assert PENDING_PAGES - linked == set()
    assert "schema.json" in linked


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md") if p.name not in PENDING_PAGES))
def test_docs_links_resolve(page):
    path = DOCS / page
    for target in _links(path):
        resolved = (path.parent / target).resolve()
        assert resolved.exists() or resolved.name in PENDING_PAGES, f"{page}: broken link {target}"


def test_docs_readme_links_into_docs_resolve():
    for target in _links(README):
        if target.startswith("docs/"):
            resolved = ROOT / target
            assert resolved.exists() or resolved.name in PENDING_PAGES, f"README: broken link {target}"


# ----------------------------------------------------------------- examples
@pytest.mark.parametrize("page", RUNNABLE_PAGES)
def test_docs_python_examples_run(page, monkeypatch):
    monkeypatch.chdir(ROOT)  # examples name files from the root of the repository, as a reader runs them
    path = DOCS / page
    assert _blocks(path) or page == "output-schema.md"
    _run_blocks(path, {"__name__": f"docs_{page}"})


def test_docs_readme_python_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert _blocks(README)
    _run_blocks(README, {"__name__": "readme", "text": README_TEXT})


def test_docs_architecture_names_every_config_key_and_extension():
    from spacy.language import Language

    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    for name in COMPONENTS:
        assert f"[components.{name}]" in page
        for key in Language.get_factory_meta(name).default_config:
            assert f"\n{key} = " in page, f"{name}.{key} is not documented"
    for extension in SPAN_EXTENSIONS:
        assert extension in page, f"span._.{extension} is not documented"


_EXTENSION_ROW = re.compile(r"^\| (`(?:doc|span)\._\.\w+`(?:, `\w+`)*) \| ([^|]+) \| ([^|]+) \|", re.M)
# Text rich enough for every component to set every extension it documents: a victim cue, a
# parent, a count with its unit, dated and undated expressions, negated and hedged data.
EXTENSIONS_TEXT = ("La clinique des Hortensias, filiale du groupe Santéa, a été victime d'une cyberattaque "
                   "en mars dernier. Les données de 12 400 patients ont été dérobées : noms, adresses "
                   "postales et numéros de téléphone. Des numéros de sécurité sociale pourraient aussi "
                   "avoir été copiés. Aucune donnée bancaire n'a été volée.")


def _documented_extensions() -> list[tuple[str, str, list[str]]]:
    """(``doc``/``span``, name, groups of the components said to set it) per extension of the table."""
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    section = page[page.index("## Extensions"):page.index("\n## ", page.index("## Extensions") + 1)]
    rows = []
    for names, on, set_by in _EXTENSION_ROW.findall(section):
        first, *rest = re.findall(r"`([\w.]+)`", names)
        kind, _, name = first.partition("._.")
        components = re.findall(r"`(breach_\w+)`", set_by)
        if not components and "those components" in set_by:
            components = re.findall(r"(org|records|dates|phi)", on)
            components = [f"breach_{c}" for c in components]
        if not components and "every extractor" in set_by:
            components = ["breach_org", "breach_records", "breach_dates", "breach_phi"]
        rows += [(kind, n, components) for n in [name, *rest]]
    return rows


def test_docs_architecture_extensions_exist_and_are_set_by_their_components(nlp_fr):
    from spacy.tokens import Doc, Span

    documented = _documented_extensions()
    assert {name for kind, name, _ in documented if kind == "span"} == set(SPAN_EXTENSIONS)
    nlp = nlp_fr
    doc = nlp.make_doc(EXTENSIONS_TEXT)
    doc._.published = "2024-06-20"
    doc = nlp(doc)
    for kind, name, components in documented:
        owner = Doc if kind == "doc" else Span
        assert owner.has_extension(name), f"{kind}._.{name} is documented but does not exist"
        if kind == "span":
            default = owner.get_extension(name)[0]
            spans = [s for c in components for s in doc.spans[c]]
            assert spans, f"span._.{name}: no span of {components}"
            assert any(s._.get(name) != default for s in spans), \
                f"span._.{name} is documented as set by {components} but none of their spans sets it"


def test_docs_taxonomy_lists_every_category():
    page = (DOCS / "taxonomy.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z_]+)` \|", page, re.M)
    assert [i for i in listed if i not in ("affirmed", "hedged", "negated")] == list(PHI_CATEGORIES)


# ----------------------------------------------------------------- the notebook
def test_docs_tour_notebook_executes():
    """docs/tour.ipynb runs headless from top to bottom; any cell error fails the test."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    notebook = nbformat.read(DOCS / "tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(DOCS)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    html = [output["data"]["text/html"] for cell in code for output in cell.outputs
            if "text/html" in output.get("data", {})]

    def shown(last_line: str) -> str:
        cell = next(c for c in code if c.source.splitlines()[-1] == last_line)
        return "".join(o["data"].get("text/html", "") for o in cell.outputs if o.output_type == "execute_result")

    assert 'class="spans"' in shown("doc") and "PHI: " in shown("doc"), "a processed Doc does not display"
    assert 'class="breachnlp-fields"' in shown("result"), "a BreachRecord does not display"
    assert any('class="breachnlp-explain"' in h for h in html)
    assert any("records_value" in h for h in html), "no DataFrame in the outputs"


def test_docs_tour_notebook_saved_outputs_show_the_rendering():
    """The notebook is committed with its outputs, so GitHub and readers see the rendering."""
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(DOCS / "tour.ipynb", as_version=4)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "run `jupyter execute --inplace docs/tour.ipynb`"
    html = [output["data"]["text/html"] for cell in code for output in cell.outputs
            if "text/html" in output.get("data", {})]
    assert any('class="spans"' in h and "BREACH_ORG: victim" in h for h in html)
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
