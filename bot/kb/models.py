"""The schema of a knowledge entry, checked when the files are loaded."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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
        return self.ru if lang == "ru" else self.en


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


class Fine(BaseModel):
    model_config = ConfigDict(extra="forbid")
    authority: str
    country: str
    company: str
    decision_date: dt.date
    amount_eur: int = Field(gt=0)
    articles: list[str] = Field(default_factory=list)
    regime: Literal["gdpr", "eprivacy"] = "gdpr"
    sector: str | None = None

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
    source: Source
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
