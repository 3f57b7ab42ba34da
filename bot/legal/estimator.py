"""The leak-fine estimator: a leak described by a `LeakCase` -> the `Estimate` the law sets for it.

Three regimes:
* Russia, KoAP RF art. 13.11 as amended by 420-FZ (in force 30 May 2025): fixed bands by the number of data
  subjects or identifiers (parts 1, 12-14), special categories (16) and biometrics (17), and for a repeat leak
  turnover-based fines (15, 18) with a minimum and a cap;
* GDPR art. 83: two ceilings, EUR 10 / 20 million or 2 % / 4 % of worldwide turnover, whichever is higher;
* India's DPDP Act: the Schedule's maximums.

Every amount below is a row of a table that names the knowledge-base entry it comes from, that entry's source URL
and the words of the entry's English answer that state it (`quote`); tests/test_legal_estimator.py checks each row
against the real knowledge base, so the estimator and the knowledge base cannot drift apart. Nothing here guesses
a figure: where our sources give no amount (a lower bound, part 18 for individuals) the estimate says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

RU, GDPR, DPDP = "ru", "gdpr", "dpdp"
REGIMES = (RU, GDPR, DPDP)
LEGAL, OFFICIAL, CITIZEN = "legal", "official", "citizen"
OFFENDERS = (LEGAL, OFFICIAL, CITIZEN)
ORDINARY, SPECIAL, BIOMETRIC = "ordinary", "special", "biometric"
CATEGORIES = (ORDINARY, SPECIAL, BIOMETRIC)
CURRENCY = {RU: "RUB", GDPR: "EUR", DPDP: "INR"}

MILLION = 1_000_000
CRORE = 10_000_000

_BIRCH = "https://www.birchlegal.ru/en/legal_alerts/2181/"
_EPAP = ("https://epap.by/public/en/legal-updates/view/uzhestochenie-otvetstvennosti-v-oblasti-personalnyh-dannyh:"
         "-oborotnye-shtrafy-i-specialnaya-statya-v-ugolovnom-kodekse-rf")
_GOSWEB = ("https://nozdrachevskij-r38.gosweb.gosuslugi.ru/deyatelnost/spravochnye-materialy/pravovoe-prosveschenie/"
           "dokumenty-omsu_1153.html")
_EURLEX = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
_KOAP_TEXT = "https://www.consultant.ru/document/cons_doc_LAW_34661/"   # the Code's text (ConsultantPlus)
_DPDP_ACT = "https://egazette.gov.in/WriteReadData/2023/248045.pdf"


@dataclass(frozen=True)
class Band:
    """One row of a law's table of fines, for one kind of offender."""

    regime: str
    part: str              # KoAP 13.11 part ("12"), GDPR paragraph ("83(4)"), DPDP Schedule item ("1")
    offender: str          # LEGAL / OFFICIAL / CITIZEN, or "any"
    low: int | None        # fixed fine from (None: our sources give no lower bound)
    high: int | None       # fixed fine up to; for GDPR the fixed ceiling compared with the turnover share
    entry_id: str          # the knowledge-base entry that states it
    source_url: str        # that entry's source
    quote: str             # the words of the entry's English answer that state these amounts
    pct_low: int | None = None    # turnover-based: percent of revenue / turnover
    pct_high: int | None = None
    floor: int | None = None      # turnover-based minimum (KoAP)
    cap: int | None = None        # turnover-based maximum (KoAP)

    @property
    def currency(self) -> str:
        return CURRENCY[self.regime]

    @property
    def turnover(self) -> bool:
        return self.pct_high is not None


def _koap(part: str, entry_id: str, url: str, **offenders: tuple) -> dict[tuple[str, str], Band]:
    return {(part, who): Band(RU, part, who, *row[:2], entry_id, url, row[2], *row[3:])
            for who, row in offenders.items()}


KOAP: dict[tuple[str, str], Band] = {
    **_koap("1", "koap-13-11-part-1", _BIRCH,
            citizen=(10_000, 15_000, "RUB 10,000–15,000 for citizens"),
            official=(50_000, 100_000, "RUB 50,000–100,000 for officials"),
            legal=(150_000, 300_000, "RUB 150,000–300,000 for legal entities")),
    **_koap("1.1", "koap-13-11-part-1-1-repeat", _BIRCH,
            citizen=(15_000, 30_000, "RUB 15,000–30,000 for citizens"),
            official=(100_000, 200_000, "RUB 100,000–200,000 for officials"),
            legal=(300_000, 500_000, "RUB 300,000–500,000 for legal entities and sole traders")),
    **_koap("11", "koap-13-11-part-11-leak-notice", _BIRCH,
            citizen=(50_000, 100_000, "RUB 50,000–100,000 for citizens"),
            official=(400_000, 800_000, "RUB 400,000–800,000 for officials"),
            legal=(1 * MILLION, 3 * MILLION, "RUB 1–3 million for legal entities")),
    **_koap("12", "koap-13-11-part-12-leak-1000", _KOAP_TEXT,
            citizen=(100_000, 200_000, "RUB 100,000–200,000 for citizens"),
            official=(200_000, 400_000, "RUB 200,000–400,000 for officials"),
            legal=(3 * MILLION, 5 * MILLION, "RUB 3–5 million for legal entities")),
    **_koap("13", "koap-13-11-part-13-leak-10000", _KOAP_TEXT,
            citizen=(None, 300_000, "For citizens the fine goes up to RUB 300,000"),
            official=(None, 500_000, "for officials up to RUB 500,000"),
            legal=(5 * MILLION, 10 * MILLION, "A legal entity is fined RUB 5–10 million")),
    **_koap("14", "koap-13-11-part-14-leak-100000", _KOAP_TEXT,
            citizen=(None, 400_000, "a citizen up to RUB 400,000"),
            official=(None, 600_000, "an official up to RUB 600,000"),
            legal=(10 * MILLION, 15 * MILLION, "A legal entity is fined RUB 10–15 million")),
    **_koap("15", "koap-13-11-part-15-repeat-leak-turnover", _KOAP_TEXT,
            citizen=(None, 600_000, "Citizens face up to RUB 600,000"),
            official=(None, 1_200_000, "officials up to RUB 1.2 million"),
            legal=(None, None, "1 to 3 percent of its total revenue for the calendar year before the year the offence "
                   "was detected (for banks, of their equity capital), but not less than RUB 20 million and not more "
                   "than RUB 500 million", 1, 3, 20 * MILLION, 500 * MILLION)),
    **_koap("16", "koap-13-11-part-16-special-categories", _KOAP_TEXT,
            citizen=(300_000, 400_000, "RUB 300,000–400,000 for citizens"),
            official=(1 * MILLION, 1_300_000, "RUB 1–1.3 million for officials"),
            legal=(10 * MILLION, 15 * MILLION, "RUB 10–15 million for legal entities")),
    **_koap("17", "koap-13-11-part-17-biometrics", _GOSWEB,
            citizen=(400_000, 500_000, "RUB 400,000–500,000 for citizens"),
            official=(1_300_000, 1_500_000, "RUB 1.3–1.5 million for officials"),
            legal=(15 * MILLION, 20 * MILLION, "RUB 15–20 million for sole traders and legal entities")),
    **_koap("18", "koap-13-11-part-18-repeat-special-biometric", _KOAP_TEXT,
            legal=(None, None, "1 to 3 percent of its total revenue for the previous calendar year, but not less than "
                   "RUB 25 million and not more than RUB 500 million", 1, 3, 25 * MILLION, 500 * MILLION)),
}
# A repeat leak under part 15 when every mitigating condition is met (the 0.1 % security spending and others).
KOAP_MITIGATED = Band(RU, "15", LEGAL, 15 * MILLION, 50 * MILLION, "koap-turnover-fine-mitigation", _EPAP,
                      "RUB 15–50 million instead of the turnover-based fine")

GDPR_TIERS: dict[str, Band] = {
    "83(4)": Band(GDPR, "83(4)", "any", None, 10 * MILLION, "gdpr-fine-tiers-art-83", _EURLEX,
                  "up to €10 million or up to 2% of total worldwide annual turnover of the preceding financial year",
                  pct_high=2),
    "83(5)": Band(GDPR, "83(5)", "any", None, 20 * MILLION, "gdpr-fine-tiers-art-83", _EURLEX,
                  "up to €20 million or up to 4% of turnover", pct_high=4),
}

DPDP_SCHEDULE: dict[str, Band] = {
    "1": Band(DPDP, "1", "any", None, 250 * CRORE, "dpdp-penalty-schedule", _DPDP_ACT, "(s.8(5)) – up to ₹250 crore"),
    "2": Band(DPDP, "2", "any", None, 200 * CRORE, "dpdp-penalty-schedule", _DPDP_ACT, "(s.8(6)) – up to ₹200 crore"),
}


def all_bands() -> list[Band]:
    return [*KOAP.values(), KOAP_MITIGATED, *GDPR_TIERS.values(), *DPDP_SCHEDULE.values()]


@dataclass
class LeakCase:
    """What the user told about a leak. Counts and revenue are None when unknown."""

    regime: str = RU
    subjects: int | None = None       # people whose data leaked
    identifiers: int | None = None    # identifiers (records) that leaked
    category: str = ORDINARY
    repeat: bool = False
    offender: str = LEGAL
    revenue: int | None = None        # RU: revenue of the previous calendar year, RUB; GDPR: worldwide turnover, EUR

    def __post_init__(self) -> None:
        if self.regime not in REGIMES or self.offender not in OFFENDERS or self.category not in CATEGORIES:
            raise ValueError(f"unknown regime, offender or category in {self!r}")
        for value in (self.subjects, self.identifiers, self.revenue):
            if value is not None and value < 0:
                raise ValueError("counts and revenue cannot be negative")


@dataclass(frozen=True)
class Line:
    """One applicable band with the amounts it gives for this case (None where the law or our sources are silent)."""

    band: Band
    low: int | None
    high: int | None
    condition: str | None = None   # when several bands are shown: which one applies when ("12", "13", ...)


@dataclass
class Estimate:
    case: LeakCase
    lines: list[Line]
    notification: list[Line]                       # the fine for not notifying the authority in time
    alternatives: list[Line] = field(default_factory=list)
    notes: list[tuple[str, dict]] = field(default_factory=list)   # (code, values), rendered per language

    def note(self, code: str, **values: object) -> None:
        self.notes.append((code, values))

    def has_note(self, code: str) -> bool:
        return any(c == code for c, _ in self.notes)


_RANK = {"1": 0, "12": 1, "13": 2, "14": 3}


def part_for_subjects(n: int) -> str:
    """KoAP 13.11 part for a leak of n people's data (upper bounds inclusive: "от 1 000 до 10 000", "более 100 000")."""
    return "1" if n < 1_000 else "12" if n <= 10_000 else "13" if n <= 100_000 else "14"


def part_for_identifiers(n: int) -> str:
    return "1" if n < 10_000 else "12" if n <= 100_000 else "13" if n <= 1_000_000 else "14"


def leak_part(subjects: int | None, identifiers: int | None) -> str:
    """Parts 12-14 apply to people *and/or* identifiers: whichever threshold is met, so the higher part wins."""
    parts = [part_for_subjects(subjects)] if subjects is not None else []
    if identifiers is not None:
        parts.append(part_for_identifiers(identifiers))
    return max(parts, key=_RANK.__getitem__) if parts else "1"


def turnover_range(band: Band, revenue: int | None) -> tuple[int | None, int | None]:
    """KoAP parts 15 and 18: pct_low..pct_high of revenue, each end held between the floor and the cap."""
    assert band.floor is not None and band.cap is not None and band.pct_low is not None and band.pct_high is not None
    if revenue is None:
        return band.floor, band.cap
    return (min(max(revenue * band.pct_low // 100, band.floor), band.cap),
            min(max(revenue * band.pct_high // 100, band.floor), band.cap))


def gdpr_ceiling(band: Band, turnover: int | None, undertaking: bool) -> int | None:
    """Art. 83(4)/(5): the fixed amount, or for an undertaking the turnover share if that is higher.
    None when the turnover of an undertaking is unknown (the ceiling is then 'the higher of the two')."""
    assert band.high is not None and band.pct_high is not None
    if not undertaking:
        return band.high
    if turnover is None:
        return None
    return max(band.high, turnover * band.pct_high // 100)


def estimate(case: LeakCase) -> Estimate:
    return {RU: _estimate_ru, GDPR: _estimate_gdpr, DPDP: _estimate_dpdp}[case.regime](case)


def _line(band: Band, case: LeakCase, condition: str | None = None) -> Line:
    if band.turnover:
        low, high = turnover_range(band, case.revenue)
        return Line(band, low, high, condition)
    return Line(band, band.low, band.high, condition)


def _estimate_ru(case: LeakCase) -> Estimate:
    who = case.offender
    result = Estimate(case, lines=[], notification=[_line(KOAP[("11", who)], case)])
    if case.category != ORDINARY:
        parts = ["18" if case.repeat else ("17" if case.category == BIOMETRIC else "16")]
        result.note("regardless_of_count")
    elif case.subjects is None and case.identifiers is None:
        parts = ["15"] if case.repeat else ["12", "13", "14"]
        result.note("count_unknown_repeat" if case.repeat else "count_unknown")
    else:
        base = leak_part(case.subjects, case.identifiers)
        parts = [("1.1" if base == "1" else "15") if case.repeat else base]
        if base == "1":
            result.note("below_thresholds")
        if case.subjects == 10_000 or case.identifiers == 100_000:
            result.note("on_the_edge", value=case.subjects if case.subjects == 10_000 else case.identifiers)
    for part in parts:
        band = KOAP.get((part, who))
        if band is None:
            result.note("no_amount", part=part)
            continue
        result.lines.append(_line(band, case, condition=part if len(parts) > 1 else None))
        if band.low is None and not band.turnover:
            result.note("no_lower_bound")
        if band.turnover:
            result.note("turnover_basis")
            if case.revenue is None:
                result.note("revenue_unknown")
            if part == "15":
                result.alternatives.append(_line(KOAP_MITIGATED, case))
            else:
                result.note("mitigation_unclear")
    return result


def _estimate_gdpr(case: LeakCase) -> Estimate:
    undertaking = case.offender == LEGAL
    lines = [Line(band, None, gdpr_ceiling(band, case.revenue, undertaking)) for band in GDPR_TIERS.values()]
    result = Estimate(case, lines=lines, notification=[lines[0]])
    result.note("gdpr_tiers")
    if undertaking and case.revenue is None:
        result.note("gdpr_turnover_unknown")
    if not undertaking:
        result.note("gdpr_not_undertaking")
    result.note("gdpr_criteria")
    return result


def _estimate_dpdp(case: LeakCase) -> Estimate:
    result = Estimate(case, lines=[_line(DPDP_SCHEDULE["1"], case)], notification=[_line(DPDP_SCHEDULE["2"], case)])
    result.note("dpdp_maximums")
    result.note("dpdp_from_2027")
    return result


# The questions the /fine wizard asks, in order; `next_question` names the first one a partial case still lacks.
QUESTIONS = ("regime", "category", "count", "repeat", "offender", "revenue")


def next_question(answers: dict[str, object]) -> str | None:
    """The next thing to ask, given what is known (keys of QUESTIONS; "count" is satisfied by subjects or
    identifiers, or by an explicit "unknown"). None when the estimate can be made."""
    regime = answers.get("regime")
    if regime is None:
        return "regime"
    if regime == DPDP:
        return None
    if regime == RU:
        if answers.get("category") is None:
            return "category"
        if answers["category"] == ORDINARY and answers.get("count") is None:
            return "count"
        if answers.get("repeat") is None:
            return "repeat"
    if answers.get("offender") is None:
        return "offender"
    needs_revenue = (regime == GDPR and answers["offender"] == LEGAL) or (
        regime == RU and answers.get("repeat") and answers["offender"] == LEGAL)
    if needs_revenue and answers.get("revenue") is None:
        return "revenue"
    return None
