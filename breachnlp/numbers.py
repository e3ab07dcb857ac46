"""Number grammar for breach news: digits with any grouping, decimals with multipliers and
numbers in words, in French and English (built from ``resources/<lang>/numbers.yml``).

``NumberGrammar(lang).find(text)`` yields every number expression with its integer value
(``None`` for vague amounts such as "des milliers" / "thousands").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .resources import read_resource
from .text import fold, phrase_regex

# Currency symbols and ISO 4217 codes of the countries the news covers: an amount next to one is
# money, not a count ("PLN 29,648", "4 000 CHF"), and the code is no name.
CURRENCIES = frozenset({"€", "£", "¥", "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "CNY", "BTC", "XOF", "MAD",
                        "PLN", "SEK", "NOK", "DKK", "CZK", "HUF", "RON", "INR", "HKD", "SGD", "NZD", "ZAR", "KES",
                        "KSH", "NGN", "BRL", "MXN", "XAF", "TND", "DZD", "KRW", "TWD", "THB", "MYR", "PHP", "IDR",
                        "AED", "SAR", "ILS", "TRY"})

# Digit groups separated by one consistent separator: space, no-break spaces, dot, comma, apostrophes.
_GROUPED = r"\d{1,3}(?:(?P<sep>[ \u00a0\u202f.,'\u2019])\d{3})(?:(?P=sep)\d{3})*(?!\d)"
_PLAIN = r"\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    value: int | None
    kind: str  # "digits", "words", "small_words" (one word under twenty: "four", « huit ») or "vague"
    has_multiplier: bool = False
    significant: int = 0  # significant digits as written: 914138 → 6, 900 000 → 1, "1,2 million" → 2


class NumberGrammar:
    """Finds number expressions in one language."""

    def __init__(self, lang: str, resources: str = "default") -> None:
        data = read_resource(lang, "numbers", resources)
        self.lang = lang
        self.units = {fold(k): v for k, v in data["units"].items()}
        self.tens = {fold(k): v for k, v in data["tens"].items()}
        self.hundred = {fold(w) for w in data["hundred"]}
        self.scales = {fold(k): v for k, v in data["scales"].items()}
        self.connectors = {fold(w) for w in data["connectors"]}
        self.suffixes = dict(data["suffixes"])
        self.half_after = tuple(fold(w) for w in data["half_after"])
        self.half_before = tuple(fold(w) for w in data["half_before"])
        self.half_articles = frozenset(fold(w) for w in data["half_articles"])
        scale_words = sorted(self.scales, key=len, reverse=True)
        suffixes = sorted(self.suffixes, key=len, reverse=True)
        # scale words in any case ("2.4 Million Patients" in a title-case headline); suffixes as written
        multiplier = "|".join([f"(?i:{re.escape(w)})s?" for w in scale_words] + [re.escape(s) for s in suffixes])
        self.digits_re = re.compile(
            rf"(?<![\w.,\u00a0\u202f])(?P<num>{_GROUPED}|{_PLAIN})"
            rf"(?:[ \u00a0\u202f]?(?P<mult>{multiplier})(?![\w]))?(?![\w])"
            r"(?![.,]\d)"
        )
        number_words = set(self.units) | set(self.tens) | self.hundred | set(self.scales)
        self.number_words = number_words
        self.vague_re = re.compile(phrase_regex(data["vague"]))

    # ------------------------------------------------------------------ digits
    def _digit_value(self, match: re.Match[str]) -> tuple[int | None, int]:
        raw, mult = match.group("num"), match.group("mult")
        factor = 1
        if mult:
            folded = fold(mult)
            if mult in self.suffixes:
                factor = self.suffixes[mult]
            elif folded.rstrip("s") in self.scales:
                factor = self.scales[folded.rstrip("s")]
            elif folded in self.scales:
                factor = self.scales[folded]
        if match.group("sep"):
            if mult and match.group("sep") in ".," and raw.count(match.group("sep")) == 1:
                number = float(raw.replace(match.group("sep"), "."))  # "1,200 million" is rare; "1.5 million" is not
            else:
                number = float(re.sub(r"\D", "", raw))
        elif "," in raw or "." in raw:
            if not mult:
                return None, 0  # a bare decimal is no count
            number = float(raw.replace(",", "."))
        else:
            number = float(raw)
        digits = re.sub(r"\D", "", raw).lstrip("0")
        if "." in raw or "," in raw and not match.group("sep"):
            significant = len(digits.rstrip("0")) or 1
        else:
            significant = len(digits.rstrip("0")) or 1
        if not number * factor < 1e15:  # also inf: a digit run no article counts people with
            return None, 0
        return int(round(number * factor)), significant

    # ------------------------------------------------------------------- words
    def _words_value(self, words: list[str]) -> int | None:
        total, current, last_scale, seen = 0.0, 0.0, 1, False
        i = 0
        while i < len(words):
            w = words[i]
            if w in self.units:
                current += self.units[w]
            elif w in self.tens:
                current += self.tens[w]
            elif w in self.hundred:
                current = (current or 1) * 100
                seen = True
            elif w in self.scales:
                scale = self.scales[w]
                total += (current or 1) * scale
                current, last_scale, seen = 0, scale, True
            elif w == "HALF":
                if i + 1 < len(words) and words[i + 1] in self.scales:
                    current += 0.5
                else:
                    total += last_scale * 0.5
            elif w == "HALF_BEFORE":
                current += 0.5
                if i + 1 < len(words) and words[i + 1] in self.half_articles:
                    i += 1
            elif w in self.connectors:
                pass
            i += 1
        value = total + current
        if not seen and value < 20:
            return None  # "un", "deux": not a count worth reporting
        if not value < 1e15:  # "trois cent trois cent …" multiplies up to infinity
            return None
        return int(round(value))

    def _find_words(self, folded: str) -> Iterator[NumberMatch]:
        pattern = self._number_phrase_re()
        for match in pattern.finditer(folded):
            for start, end in self._coordinated(match.group(0), match.start()):
                words = self._normalize_compounds(folded[start:end])
                if not any(w in self.scales or w in self.hundred or w in self.tens for w in words):
                    # "four patients", « huit personnes »: one word under twenty, a small count only
                    # where the noun after it says what it counts (the records rules' business); never
                    # the number one ("a", « une », "one of": an article or a pronoun far more often)
                    if len(words) == 1 and self.units.get(words[0], 0) > 1:
                        yield NumberMatch(start, end, self.units[words[0]], "small_words", False, 1)
                    continue
                value = self._words_value(words)
                if value is None:
                    continue
                yield NumberMatch(start, end, value, "words", True, len(str(value).rstrip("0")))

    def _coordinated(self, phrase: str, offset: int) -> list[tuple[int, int]]:
        """The numbers of a phrase: "three and four crore" is two ("between three and four crore"),
        where "vingt et un" and "one hundred and five" are one: a connector word between a units word
        and a units or tens word coordinates two numbers."""
        tokens = list(re.finditer(r"[^\s]+", phrase))
        pieces, begin = [], 0
        for i in range(1, len(tokens) - 1):
            if tokens[i].group() in self.connectors and tokens[i].group().isalpha() \
                    and not phrase.startswith(tuple(self.half_after), tokens[i].start()) \
                    and tokens[i - 1].group() in self.units \
                    and (tokens[i + 1].group() in self.units or tokens[i + 1].group() in self.tens):
                pieces.append((offset + tokens[begin].start(), offset + tokens[i - 1].end()))
                begin = i + 1
        pieces.append((offset + tokens[begin].start(), offset + tokens[-1].end()))  # a phrase has a word
        return pieces

    def _normalize_compounds(self, phrase: str) -> list[str]:
        out: list[str] = []
        marked = phrase
        for half in self.half_after:
            marked = marked.replace(half, " HALF ")
        for half in self.half_before:
            marked = marked.replace(half, " HALF_BEFORE ")
        for token in marked.split():
            if token in ("HALF", "HALF_BEFORE"):
                out.append(token)
            elif token in self.number_words or token in self.connectors:
                out.append(token)
            else:
                out.extend(self._split_compound([p for p in token.split("-") if p]))
        return out

    def _split_compound(self, parts: list[str]) -> list[str]:
        # Longest known prefix first: "quatre-vingt-dix-neuf" is 90 + 9, not 4 + 20 + 10 + 9.
        out: list[str] = []
        i = 0
        while i < len(parts):
            for j in range(len(parts), i, -1):
                joined = "-".join(parts[i:j])
                if j == i + 1 or joined in self.number_words:
                    out.append(joined)
                    i = j
                    break
        return out

    @lru_cache(maxsize=1)
    def _number_phrase_re(self) -> re.Pattern[str]:
        # One reading per phrase: a phrase is number words and halves joined by spaces or "-", so
        # compounds made of number words ("dix-sept", "quatre-vingt-dix") and halves made of a
        # number word and a shorter half ("un demi", "et demi") are left to their parts. Two
        # readings of the same text make the backtracking exponential ("cent-cent-…-cent-x").
        vocab = self.number_words | {c for c in self.connectors if c.isalpha()}
        words = sorted((w for w in vocab if not ("-" in w and all(p in vocab for p in w.split("-")))),
                       key=len, reverse=True)
        halves = [h.strip() for h in self.half_after + self.half_before]
        halves = [h for h in halves if not (" " in h and h.split(" ", 1)[0] in vocab and h.split(" ", 1)[1] in halves)]
        word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
        half = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in halves)
        unit = rf"(?:{half}|{word})"
        return re.compile(rf"(?<![\w-])(?:{half}\s*)?{unit}(?:(?:\s+|-){unit})*(?![\w-])")

    # -------------------------------------------------------------------- all
    def find(self, text: str, folded: str | None = None) -> list[NumberMatch]:
        """Every number expression of ``text``, in text order, without overlaps."""
        folded = fold(text) if folded is None else folded
        found: list[NumberMatch] = []
        for m in self.vague_re.finditer(folded):
            found.append(NumberMatch(m.start(), m.end(), None, "vague"))
        for m in self.digits_re.finditer(text):
            value, significant = self._digit_value(m)
            if value is None:
                continue
            found.append(NumberMatch(m.start(), m.end(), value, "digits", bool(m.group("mult")), significant))
        found.extend(self._find_words(folded))
        return _without_overlaps(found)


def _without_overlaps(matches: list[NumberMatch]) -> list[NumberMatch]:
    kept: list[NumberMatch] = []
    for m in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


@lru_cache(maxsize=8)
def grammar(lang: str, resources: str = "default") -> NumberGrammar:
    return NumberGrammar(lang, resources)


def parse_number(text: str, lang: str) -> int | None:
    """The value of ``text`` when the whole string is one number expression, else ``None``."""
    matches = grammar(lang).find(text.strip())
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(text.strip()):
        return matches[0].value
    return None
