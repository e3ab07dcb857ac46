"""Closed vocabularies of the gold format (``../shared/spec/gold-format.md``)."""
from __future__ import annotations

from typing import Literal

PHI_CATEGORIES: tuple[str, ...] = (
    # identity and contact
    "name", "address", "contact", "phone", "email", "date_of_birth", "age", "sex",
    "national_id", "id_document", "insurance", "financial", "credentials", "patient_id",
    # clinical
    "medical_record", "health_info", "condition", "treatment", "medication",
    "test_result", "appointment", "provider",
)
PHI_STATUSES: tuple[str, ...] = ("affirmed", "negated", "hedged")
UNITS: tuple[str, ...] = ("people", "records", "appointments", "accounts", "files", "other")
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most")
DATE_ROLES: tuple[str, ...] = ("occurred", "discovered", "disclosed")
LABELS: tuple[str, ...] = ("BREACH_ORG", "RECORD_COUNT", "BREACH_DATE", "PHI")
LANGS: tuple[str, ...] = ("fr", "en")

PhiStatus = Literal["affirmed", "negated", "hedged"]
Unit = Literal["people", "records", "appointments", "accounts", "files", "other"]
Qualifier = Literal["exact", "approx", "at_least", "at_most"]
DateRole = Literal["occurred", "discovered", "disclosed"]
