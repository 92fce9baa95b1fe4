"""Score stage: Facts → Assessment (checklist of a role profile, flags; fit and rank from a model).

>>> from kamscreen.score import score, rank, load_model               # doctest: +SKIP
>>> a = score(facts, profile="kam-director", industry="fmcg")        # doctest: +SKIP
>>> a.checklist.verdict, a.checklist.score                           # doctest: +SKIP
('pass', 92.3)
>>> ranked = rank([a, b, c], load_model("default"))                  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from kamscreen.extract.model import Facts
from kamscreen.score.checklist import evaluate
from kamscreen.score.flags import find_flags
from kamscreen.score.model import Assessment
from kamscreen.score.profiles import Profile, ProfileError, available_profiles, load_profile, required_industry
from kamscreen.score.protected import ProtectedFeatureError
from kamscreen.score.ranking import rank

__all__ = [
    "FitModel",
    "ModelError",
    "Profile",
    "ProfileError",
    "ProtectedFeatureError",
    "available_profiles",
    "load_model",
    "load_profile",
    "rank",
    "required_industry",
    "score",
]


def score(facts: Facts, profile: str | Path | Profile = "kam-director", industry: str | None = None) -> Assessment:
    """Check one candidate's facts against a role profile and raise its flags (no model, no rank).

    ``profile`` is a shipped name (``kam-director``, ``senior-kam``, ``kam``, ``junior-kam``), a
    YAML path or a loaded Profile; ``industry`` (e.g. ``fmcg``) makes that industry required
    (ProfileError if it is not one of ``kamscreen.extract.model.INDUSTRIES``).
    """
    prof = load_profile(profile)
    industry = required_industry(industry)
    return Assessment(facts=facts, checklist=evaluate(facts, prof, industry), flags=find_flags(facts, industry))


def __getattr__(name: str):
    # Lazy: the fit model needs numpy and pandas, the checklist does not.
    if name in ("FitModel", "ModelError", "load_model"):
        from kamscreen.score import classifier

        return getattr(classifier, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
