"""The rule code is language-neutral: every word and word-order choice lives in resources/<lang>/.

A French or English word inside a regular expression under ``breachnlp/components/``, or a
branch on a language code there, fails this test: put the word in the language's data files
(``syntax.yml`` for function words and settings) and read it through ``LanguageData``.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import spacy.lang.en.stop_words
import spacy.lang.fr.stop_words
import pytest
import srsly

from breachnlp.resources import RESOURCE_FILES
from breachnlp.taxonomy import LANGS

PACKAGE = Path(__file__).resolve().parent.parent / "breachnlp"
COMPONENTS = PACKAGE / "components"
REGEX_MARK = re.compile(r"[|\\]|\(\?|\[\^|\)\?")


def _vocabulary() -> set[str]:
    """Function words of French and English, and every word of our own data files."""
    words = {w.lower() for w in spacy.lang.fr.stop_words.STOP_WORDS | spacy.lang.en.stop_words.STOP_WORDS}

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.update(re.findall(r"[^\W\d_]{2,}", value.lower()))

    for lang in LANGS:
        for name in RESOURCE_FILES:
            if name != "weights":
                walk(srsly.read_yaml(PACKAGE / "resources" / lang / f"{name}.yml"))
    return words


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _messages(tree: ast.AST) -> set[int]:
    """String constants inside ``raise`` statements: messages, not patterns."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise):
            ids.update(id(sub) for sub in ast.walk(node) if isinstance(sub, ast.Constant))
    return ids


def _language_words_in_patterns(root: Path = COMPONENTS) -> list[str]:
    vocabulary = _vocabulary()
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree) | _messages(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
                continue
            if not (REGEX_MARK.search(node.value) or re.search(r"[^\W\d_]'[^\W\d_]", node.value)):
                continue
            if re.fullmatch(r"[A-Z][\w.\[\], |]*", node.value):  # a type annotation: "Span | None"
                continue
            # group names and escapes are regex syntax, not words
            pattern = re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\[a-zA-Z]", " ", node.value)
            words = [w for w in re.findall(r"[^\W\d_]{2,}", pattern) if w.lower() in vocabulary]
            if words:
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {', '.join(words[:6])}")
    return found


def _language_branches(root: Path = COMPONENTS) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                constants = [n.value for n in [node.left, *node.comparators] if isinstance(n, ast.Constant)]
                if any(c in LANGS for c in constants):
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
            if isinstance(node, ast.Constant) and node.value in LANGS:
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {node.value!r}")
    return sorted(set(found))



def test_no_language_word_in_component_patterns():
    found = _language_words_in_patterns()
    assert not found, "language words in component patterns (move them to resources/<lang>/):\n" + "\n".join(found)



def test_no_language_branch_in_components():
    found = _language_branches()
    assert not found, "language codes in components (use a syntax.yml setting):\n" + "\n".join(found)


def test_the_scanner_finds_a_planted_word(tmp_path):
    """The scanner is not blind: a French and an English word in a pattern, and a branch, are found."""
    root = tmp_path / "components"
    root.mkdir()
    (root / "planted.py").write_text('import re\nA = re.compile(r"(?:le|the)\\s+$")\n'
                                     'def f(lang):\n    return lang == "fr"\n', encoding="utf-8")
    assert any("le, the" in line for line in _language_words_in_patterns(root))
    assert any("planted.py:4" in line for line in _language_branches(root))
