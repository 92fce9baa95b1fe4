"""Plain words for the fit model's features: "7.8 years of key-account experience", "no team stated"."""

from __future__ import annotations

from collections.abc import Sequence

from kamscreen.score.readers import LEVEL_ORDER

_LEVELS = {v: k for k, v in LEVEL_ORDER.items()}
_YEARS = {
    "total_years": "of work experience",
    "b2b_years": "of B2B experience",
    "key_account_years": "of key-account experience",
    "management_years": "of management experience",
}
_ROLES = {
    "key_account": "key-account work",
    "sales": "plain sales",
    "account_management": "account service",
    "other": "non-commercial roles",
}
_STATUS = {0.0: "not met", 1.0: "no data", 2.0: "partly met", 3.0: "met"}

#: How the domain expects a feature to weigh (+1 for, -1 against a KAM fit). Sales markers, missing
#: facts and plain-sales or unrelated careers weigh against; experience, team, English, KPIs,
#: key-account signals and met criteria weigh for. Unlisted features (job count, account service)
#: have no expectation.
_AGAINST = {
    "team_size_missing",
    "english_missing",
    "signal_cold_calls",
    "signal_lead_generation",
    "signal_deal_volume",
    "signal_many_clients",
    "share_sales",
    "share_other",
}
_NEUTRAL = {"n_jobs", "share_account_management"}


def expected_sign(name: str) -> int:
    """+1, -1 or 0: the direction the domain expects numeric feature ``name`` to push the fit."""
    if name in _AGAINST:
        return -1
    if name in _NEUTRAL:
        return 0
    return 1


def plausible(name: str, coefficient: float) -> bool:
    """Whether the model's learned direction for ``name`` agrees with the domain's expectation.

    A small labeled set can teach a model that, say, stated KPIs count against a candidate; such a
    learned quirk still moves the probability, but it is not offered to a recruiter as a reason.
    """
    sign = expected_sign(name)
    return sign == 0 or coefficient * sign > 0


# The profile facts (``fact:`` readers) each numeric feature speaks about, beside ``kpi_<kind>`` →
# ``kpis.any[…kind…]`` and ``signal_<kind>`` → ``signals.any[…kind…]``: a reason must agree with
# the checklist lines that read the same fact.
_KEY_ACCOUNT = ("experience.key_account_years", "experience.kam_years")
_FACTS = {
    "total_years": ("experience.total_years",),
    "b2b_years": ("experience.b2b_years", "experience.commercial_years"),
    "key_account_years": _KEY_ACCOUNT,
    "signal_key_accounts": _KEY_ACCOUNT,
    "signal_long_relationships": _KEY_ACCOUNT,
    "share_key_account": _KEY_ACCOUNT,
    "management_years": ("experience.management_years", "team_size.value"),
    "team_size": ("team_size.value",),
    "team_size_missing": ("team_size.value",),
    "english_level": ("languages.en",),
    "english_missing": ("languages.en",),
}
_GOOD_STATUS = ("met", "partly")


def speaks_of(name: str, fact: str) -> bool:
    """Whether feature ``name`` is about what the profile reader ``fact`` reads."""
    group, _, args = fact.partition("[")
    kinds = {k.strip() for k in args.rstrip("]").split(",")} if args else set()
    if group in _FACTS.get(name, ()):
        return True
    if name.startswith("kpi_") and group == "kpis.any":
        return name[4:] in kinds
    return name.startswith("signal_") and group == "signals.any" and name[7:] in kinds


def agrees(name: str, value: float, direction: str, criteria: Sequence) -> bool:
    """Whether a reason on feature ``name`` (raw ``value``, ``+`` or ``-``) may be shown beside the checklist.

    A strength names something the CV has (never an absence, never a neutral share such as "0 % of
    the career in account service") and no checklist line on the same fact is ``not_met``; a
    weakness is something missing or a sales marker, and no line on the same fact is ``met``
    ("no key accounts mentioned" is not shown beside "key-account years: met"). ``criteria`` are
    the candidate's ``CriterionResult``s.
    """
    if name.startswith("status_"):
        status = next((c.status for c in criteria if c.id == name[7:]), None)
        return (status in _GOOD_STATUS) == (direction == "+")
    sign = expected_sign(name)
    if sign == 0:
        return False
    related = [c.status for c in criteria if c.fact and speaks_of(name, c.fact)]
    if direction == "+":
        return sign > 0 and value > 0 and "not_met" not in related
    return (value > 0 if sign < 0 else True) and "met" not in related


def describe(name: str, value: float, labels: dict[str, str] | None = None) -> str:
    """A phrase for numeric feature ``name`` at raw ``value`` (``labels``: criterion id → label)."""
    if name in _YEARS:
        return f"{value:.1f} years {_YEARS[name]}" if value else f"no years {_YEARS[name]}"
    if name == "team_size":
        return f"led a team of {value:g}" if value else "no team management stated"
    if name == "team_size_missing":
        return "no team size stated" if value else "team size stated"
    if name == "english_level":
        return f"English {_LEVELS.get(int(value), value)}" if value else "no English level stated"
    if name == "english_missing":
        return "no English level stated" if value else "English level stated"
    if name == "n_jobs":
        return f"{value:g} jobs in the timeline"
    if name == "avg_tenure_years":
        return f"{value:.1f} years per job on average"
    if name == "kpi_with_numbers":
        return f"{value:g} results backed by numbers" if value else "no results backed by numbers"
    if name.startswith("kpi_"):
        kind = name[4:].replace("_", " ")
        return f"{kind} stated" if value else f"no {kind} stated"
    if name.startswith("signal_"):
        kind = name[7:].replace("_", " ")
        return f"{kind} mentioned" if value else f"no {kind} mentioned"
    if name.startswith("share_"):
        return f"{value:.0%} of the career in {_ROLES.get(name[6:], name[6:])}"
    if name.startswith("status_"):
        cid = name[7:]
        label = (labels or {}).get(cid, cid.replace("_", " "))
        return f"{label}: {_STATUS.get(value, value)}"
    return f"{name.replace('_', ' ')} = {value:g}"


def describe_terms(terms: list[str], direction: str) -> str:
    """The wording of the job descriptions, summarised by its strongest words."""
    quoted = ", ".join(f"«{t}»" for t in terms)
    side = "like the positive examples" if direction == "+" else "like the negative examples"
    return f"job descriptions worded {side} ({quoted})"
