"""Plain words for the fit model's features: "7.8 years of key-account experience", "no team stated"."""
from __future__ import annotations

from kamscreen.score.readers import LEVEL_ORDER

_LEVELS = {v: k for k, v in LEVEL_ORDER.items()}
_YEARS = {
    "total_years": "of work experience",
    "b2b_years": "of B2B experience",
    "key_account_years": "of key-account experience",
    "management_years": "of management experience",
}
_ROLES = {"key_account": "key-account work", "sales": "plain sales", "account_management": "account service",
          "other": "non-commercial roles"}
_STATUS = {0.0: "not met", 1.0: "no data", 2.0: "partly met", 3.0: "met"}

#: How the domain expects a feature to weigh (+1 for, -1 against a KAM fit). Sales markers, missing
#: facts and plain-sales or unrelated careers weigh against; experience, team, English, KPIs,
#: key-account signals and met criteria weigh for. Unlisted features (job count, account service)
#: have no expectation.
_AGAINST = {"team_size_missing", "english_missing", "signal_cold_calls", "signal_lead_generation",
            "signal_deal_volume", "signal_many_clients", "share_sales", "share_other"}
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
