"""Every Doc and Span extension breachnlp sets, declared once (values are JSON-native)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_EXTENSIONS: dict[str, object] = {
    # RECORD_COUNT
    "records_value": None, "records_unit": None, "records_qualifier": None, "records_score": 0.0,
    # BREACH_DATE
    "date_expr": None, "date_norm": None, "date_role": None,
    # PHI
    "phi_category": None, "phi_status": None, "phi_cues": None, "phi_context": None,
    # BREACH_ORG
    "org_name": None, "org_role": None, "org_score": 0.0,
    # shared: why a value was chosen, [(start_char, end_char, kind), ...]
    "breach_cues": None,
    # shared: rule features the assembler reads back (small dict of JSON values)
    "breach_features": None,
}


def _breach_getter(doc: Doc):  # noqa: ANN202 - returns BreachRecord, imported lazily
    from .components.assemble import assemble_record

    return assemble_record(doc)


def register_extensions() -> None:
    """Declare the extensions (idempotent)."""
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    # The headline given apart from the text (``title``) is read as the Doc's first line:
    # ``doc.text == title + "\n\n" + text`` and ``body_start`` is where ``text`` begins (0 when
    # no title was given, or when the text already starts with it).
    if not Doc.has_extension("title"):
        Doc.set_extension("title", default=None)
    if not Doc.has_extension("body_start"):
        Doc.set_extension("body_start", default=0)
    if not Doc.has_extension("breach"):
        Doc.set_extension("breach", getter=_breach_getter)
    if not Doc.has_extension("breach_gold"):  # on reference Docs: the gold `breach` object, for nlp.evaluate
        Doc.set_extension("breach_gold", default=None)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
