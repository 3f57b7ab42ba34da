"""The schema of a knowledge entry, checked when the files are loaded."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

DOMAINS = ("gdpr_fines", "gdpr", "ru_pd", "dpdp", "ru_sim", "breaches")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{2,80}$")


class Localized(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ru: str
    en: str

    @field_validator("ru", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be empty")
        return value

    def get(self, lang: str) -> str:
        """The text in `lang`, read by the field of that name; English for a language entries are not written in
        (as bot/i18n.py falls back). A new language is a new field, not a new branch here."""
        return getattr(self, lang) if lang in type(self).model_fields else self.en


class Questions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ru: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.ru, *self.en]


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    url: str

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("source title must not be empty")
        return value.strip()

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        value = value.strip()
        if not re.match(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", value):
            raise ValueError(f"source url is not an http(s) URL: {value!r}")
        return value


# What can happen to a fine after the decision. "reduced", "increased" and "re-decided" set a new amount;
# "upheld" may restate it; "annulled" leaves nothing standing; "remitted" sets an annulment aside and sends the case
# back, so the fine as decided stands again until the new ruling; "appealed" changes nothing yet.
OUTCOMES = ("appealed", "upheld", "reduced", "increased", "annulled", "remitted", "re-decided")
_SETS_AMOUNT = {"reduced", "increased", "re-decided"}


class Outcome(BaseModel):
    """One later step in a fine's history: a court ruling, a new decision by the authority, an appeal filed."""

    model_config = ConfigDict(extra="forbid")
    date: dt.date
    date_precision: Literal["day", "month", "year"] = "day"   # "month": the 1st stands for the month; "year": 1 Jan
    outcome: Literal["appealed", "upheld", "reduced", "increased", "annulled", "remitted", "re-decided"]
    by: str                          # who decided: a court (with its case number if known) or the authority
    amount_eur: int | None = None    # the amount standing after this step (euros)
    final: bool | None = None        # True: no further appeal; False: still open; None: not known
    source: Source
    note: str | None = None

    @model_validator(mode="after")
    def _amount_fits_outcome(self) -> Outcome:
        if self.outcome in _SETS_AMOUNT and not self.amount_eur:
            raise ValueError(f"a {self.outcome!r} step needs the new amount_eur")
        if self.outcome in ("annulled", "appealed", "remitted") and self.amount_eur:
            raise ValueError(f"a {self.outcome!r} step has no amount_eur")
        if self.amount_eur is not None and self.amount_eur <= 0:
            raise ValueError("amount_eur must be positive")
        return self


class Fine(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authority: str
    country: str
    company: str
    decision_date: dt.date
    amount_eur: int = Field(gt=0)   # as decided; what stands now is `standing_eur`
    articles: list[str] = Field(default_factory=list)
    regime: Literal["gdpr", "eprivacy"] = "gdpr"
    sector: str | None = None
    history: list[Outcome] = Field(default_factory=list)   # later steps, oldest first

    @model_validator(mode="after")
    def _history_in_order(self) -> Fine:
        previous = self.decision_date
        for step in self.history:
            if step.date < previous:
                raise ValueError(f"history: {step.outcome} on {step.date} is before the step or decision before it")
            previous = step.date
        return self

    @property
    def standing_eur(self) -> int:
        """The amount that stands after the history: 0 when the last ruling annulled it."""
        amount = live = self.amount_eur   # `live`: the amount an "upheld" without a figure restores
        for step in self.history:
            if step.outcome == "annulled":
                amount = 0
            elif step.amount_eur:
                amount = live = step.amount_eur
            elif step.outcome in ("upheld", "remitted"):
                amount = live
        return amount

    @property
    def changed(self) -> Outcome | None:
        """The last step that changed the amount or confirmed it in court (not a bare appeal), if any."""
        steps = [s for s in self.history if s.outcome != "appealed"]
        return steps[-1] if steps else None

    @property
    def under_appeal(self) -> bool:
        return bool(self.history) and (self.history[-1].outcome == "appealed" or self.history[-1].final is False)

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        value = value.strip().upper()
        if not re.fullmatch(r"[A-Z]{2}", value):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code")
        return value

    @field_validator("articles", mode="before")
    @classmethod
    def _articles(cls, value: object) -> object:
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    domain: str = ""
    title: Localized
    answer: Localized
    keywords: list[str] = Field(default_factory=list)
    questions: Questions = Field(default_factory=Questions)
    source: Source                                      # the official text where one exists
    sources: list[Source] = Field(default_factory=list)  # further sources: a second official text, press, trackers
    checked: dt.date
    note: str | None = None
    date: dt.date | None = None  # when the fact took effect (a law, a rule): the weekly digest lists changes by it
    fine: Fine | None = None
    file: str = ""  # where the entry was loaded from, for error messages

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError(f"id {value!r} must match {ID_PATTERN.pattern}")
        return value

    @field_validator("keywords", mode="before")
    @classmethod
    def _keywords(cls, value: object) -> object:
        return [str(v) for v in value] if isinstance(value, list) else ([] if value is None else [str(value)])

    @field_validator("checked")
    @classmethod
    def _checked(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
            raise ValueError(f"checked date {value} is in the future")
        return value

    def all_sources(self) -> list[Source]:
        return [self.source, *self.sources]
