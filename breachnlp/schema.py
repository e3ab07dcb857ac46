"""Result objects mirroring the ``breach`` object of ``spec/gold-format.md``.

Frozen dataclasses whose ``to_dict()`` / ``from_dict()`` use exactly the gold JSON keys, so
predictions and gold compare as the same type (:mod:`breachnlp.evaluate`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Mapping

from .errors import DateError
from .taxonomy import DATE_ROLES, PhiStatus, Qualifier, Unit


@dataclass(frozen=True)
class RecordCount:
    """How many people/records the breach affected: ``914138 people exact``."""

    value: int
    unit: Unit = "people"
    qualifier: Qualifier = "exact"

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "qualifier": self.qualifier}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "RecordCount | None":
        if not data or data.get("value") is None:
            return None
        return cls(int(data["value"]), data.get("unit") or "other", data.get("qualifier") or "exact")


@dataclass(frozen=True)
class BreachDates:
    """ISO partial dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``) by role."""

    occurred: str | None = None
    discovered: str | None = None
    disclosed: str | None = None

    @property
    def primary(self) -> str | None:
        """``occurred``, else ``disclosed``, else ``discovered`` (the spec's primary date)."""
        return self.occurred or self.disclosed or self.discovered

    def to_dict(self) -> dict[str, str | None]:
        return {role: getattr(self, role) for role in DATE_ROLES}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> "BreachDates":
        data = data or {}
        return cls(**{role: data.get(role) for role in DATE_ROLES})


@dataclass(frozen=True)
class Evidence:
    """A character span of the text backing a value."""

    start: int
    end: int
    label: str
    text: str
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text, **self.attrs}


@dataclass(frozen=True)
class OrganizationRole:
    """An organization the text names, with its role: ``victim``, ``parent``, ``regulator``,
    ``attacker``, ``vendor``, ``media``, ``law_firm``, ``other_victim`` or ``other``."""

    name: str
    role: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class BreachRecord:
    """Everything breachnlp extracts about an article's main breach.

    ``other_organizations`` lists every other organization named; ``other_breaches`` the
    organizations the text presents as victims of other incidents (a feature's examples,
    "X a également été victime..."), never the main one. ``id`` is the ``id`` of the input the
    record was extracted from, when it had one (:func:`breachnlp.pipe`); it is not part of the
    ``breach`` object and two records that differ only by it compare equal.
    """

    organization: str | None = None
    organization_aliases: tuple[str, ...] = ()
    parent_organization: str | None = None
    records: RecordCount | None = None
    date: BreachDates = field(default_factory=BreachDates)
    phi: Mapping[str, PhiStatus] = field(default_factory=dict)
    other_organizations: tuple[str, ...] = ()
    other_breaches: tuple[str, ...] = ()
    spans: tuple[Evidence, ...] = ()
    id: Any = field(default=None, compare=False)
    organizations: tuple[OrganizationRole, ...] = ()
    confidence: Mapping[str, float] = field(default_factory=dict)
    # the features each confidence was computed from (breachnlp.confidence); not serialized
    decision: Mapping[str, Mapping[str, float]] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The gold ``breach`` object (spec keys, in spec order)."""
        return {
            "organization": self.organization,
            "organization_aliases": list(self.organization_aliases),
            "parent_organization": self.parent_organization,
            "records": self.records.to_dict() if self.records else None,
            "date": self.date.to_dict(),
            "phi": dict(self.phi),
        }

    def to_record(self, **meta: Any) -> dict[str, Any]:
        """A whole gold-format line: ``meta`` (id, lang, published, title, text) + breach + spans;
        ``id`` defaults to the record's own."""
        if self.id is not None:
            meta.setdefault("id", self.id)
        return {**meta, "breach": self.to_dict(), "other_organizations": list(self.other_organizations),
                "other_breaches": [{"organization": name} for name in self.other_breaches],
                "organizations": [o.to_dict() for o in self.organizations],
                "confidence": {field: self.confidence.get(field) for field in ("organization", "records", "date")},
                "spans": [span.to_dict() for span in self.spans]}

    def _repr_html_(self) -> str:
        """The fields and their evidence, as a table (Jupyter display; see :func:`breachnlp.render`)."""
        from .display import record_html

        return record_html(self)

    @classmethod
    def from_dict(cls, breach: Mapping[str, Any] | None, *, other_organizations: Any = (),
                  spans: Any = (), organizations: Any = (), confidence: Any = None) -> "BreachRecord":
        breach = breach or {}
        return cls(
            organization=breach.get("organization"),
            organization_aliases=tuple(breach.get("organization_aliases") or ()),
            parent_organization=breach.get("parent_organization"),
            records=RecordCount.from_dict(breach.get("records")),
            date=BreachDates.from_dict(breach.get("date")),
            phi=dict(breach.get("phi") or {}),
            other_organizations=tuple(other_organizations or ()),
            organizations=tuple(OrganizationRole(o["name"], o["role"]) for o in organizations or ()),
            confidence=dict(confidence or {}),
            spans=tuple(Evidence(s["start"], s["end"], s["label"], s.get("text", ""),
                                 {k: v for k, v in s.items() if k not in ("start", "end", "label", "text")})
                        for s in spans or ()),
        )


def parse_published(published: Any) -> date | None:
    """``doc._.published`` as a date; raises :class:`DateError` for anything but an ISO date."""
    if published is None or published == "":
        return None
    if isinstance(published, date):
        if 1900 <= published.year <= 2199:
            return published
    elif isinstance(published, str):
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", published.strip())
        if m and 1900 <= int(m.group(1)) <= 2199:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    raise DateError(f"published must be an ISO date 'YYYY-MM-DD' (or a datetime.date) between 1900 and 2199; "
                    f"got {published!r}.")
