"""The schema of every lexicon file (see :mod:`kamscreen.lexicons.schema` for the types).

A phrase list is :func:`Words` (distinct strings); weighted phrases are a :class:`Table` of phrase →
number; a rule (``kpis.yaml``, ``signals.yaml``) is :data:`RULE`. Names that the code knows
(industries, KPI kinds, section names, CEFR levels) are checked as names.
"""

from __future__ import annotations

import functools

from kamscreen.lexicons.schema import (
    INT,
    NUMBER,
    LexiconError,
    List,
    Record,
    Scalar,
    Schema,
    Table,
    Text,
    Tuple,
    Words,
)

BY_LANGUAGE = Record({"ru": Words(), "en": Words()})
WEIGHTS = Table(Text(), NUMBER)  # phrase → weight
RULE = Record(
    {"phrases": Words(), "requires": Words(), "window": INT, "excludes": Words(), "exclude_window": INT},
    optional=("requires", "window", "excludes", "exclude_window"),
)


def _schemas() -> dict[str, Schema]:
    from kamscreen.extract.model import CEFR_LEVELS, INDUSTRIES, KPI_KINDS, ROLES
    from kamscreen.parse.model import SECTION_NAMES

    industry = Text(INDUSTRIES)
    level = Text(CEFR_LEVELS)
    sections = [name for name in SECTION_NAMES if name != "other"]
    return {
        "months.yaml": Table(
            Scalar(("int",), frozenset(map(str, range(1, 13)))), BY_LANGUAGE, required=tuple(map(str, range(1, 13)))
        ),
        "present.yaml": BY_LANGUAGE,
        "durations.yaml": Record(
            {unit: Record({"ru": Tuple((Text(), Text(), Text())), "en": Words()}) for unit in ("years", "months")}
        ),  # ru: one, few, many
        "protected.yaml": Record(
            {"attributes": Words(), "line_markers": Words(), "words": Words(), "patterns": Words()}
        ),
        "sections.yaml": Record(
            {**{name: BY_LANGUAGE for name in sections}, "inside_experience": Words(), "not_cv": Words()}
        ),
        "titles.yaml": Record(
            {
                "title_words": BY_LANGUAGE,
                "employer_markers": Record({"prefix": Words(), "suffix": Words(), "anywhere": Words()}),
                "employer_placeholders": Words(),
                "not_jobs": Words(),
                "courses": Words(),
                "field_labels": Words(),
                "locations": Words(),
                "education": Record({"institutions": Words(), "degrees": Words()}),
            }
        ),
        "companies.yaml": Table(industry, Words()),
        "industries.yaml": Record(
            {
                "hh_lines": Table(Text(), industry),
                "employer_words": Table(industry, Words()),
                "functions": Table(industry, Words()),
                "titles": Table(industry, WEIGHTS),
                "places": Table(industry, WEIGHTS),
                "keywords": Table(Text((*INDUSTRIES, "neutral")), WEIGHTS),
                "organisations": Words(),
                "statement_heads": Words(),
                "statement_cues": Words(),
                "statement_wishes": Words(),
                "workplace_words": Words(),
                "workplace_people": Words(),
                "capitals": Words(),
                "organisation_verbs": Words(),
                "determiners": Words(),
                **{
                    name: NUMBER
                    for name in (
                        "min_score",
                        "margin",
                        "lean_score",
                        "function_weight",
                        "client_weight",
                        "organisation_weight",
                    )
                },
            }
        ),
        "hh_api.yaml": Record(
            {
                "languages": Table(Text(), Text()),
                "levels": Table(Text(), level),
                "industry_groups": Table(Text(), Text()),
            }
        ),
        "kpis.yaml": Record(
            {**{kind: List(RULE) for kind in KPI_KINDS}, "without_value": Words(KPI_KINDS)},
            optional=(*KPI_KINDS, "without_value"),
        ),
        "signals.yaml": Record(
            {
                "kinds": Table(Text(), List(RULE)),
                "many_clients": Record({"min": INT, "client_nouns": Words(), "base_phrases": Words()}),
            }
        ),
        "languages.yaml": Record(
            {
                "languages": Table(Text(), Words()),
                "levels": Table(level, Words()),
                "certificates": Table(
                    Text(),
                    Record(
                        {"phrases": Words(), "language": Text(), "level": level, "bands": List(Tuple((NUMBER, level)))},
                        optional=("level", "bands"),
                    ),
                ),
                "compounds": Table(Text(), Words()),
                **{name: Words() for name in ("headers", "excludes", "speaks", "follows", "negations")},
            }
        ),
        "roles.yaml": _roles(ROLES),
        "team.yaml": _team(),
    }


def _roles(roles: tuple[str, ...]) -> Schema:
    sold = [role for role in roles if role != "other"]
    return Record(
        {
            "titles": Table(Text(roles), WEIGHTS),
            "key_accounts": Table(Text(roles), WEIGHTS),
            "description": Table(Text(sold), WEIGHTS),
            "key_account_words": Record(
                {
                    "acquisition": Words(),
                    "acquisition_weight": NUMBER,
                    "acquisition_window": INT,
                    "ownership": Words(),
                    "ownership_weight": NUMBER,
                    "ownership_window": INT,
                }
            ),
            "named_accounts": Record(
                {
                    "weight": NUMBER,
                    "window": INT,
                    "before": Words(),
                    "after": Words(),
                    "single": Words(),
                    "single_weight": NUMBER,
                    "joiners": Words(),
                    "not_names": Words(),
                }
            ),
            "large_clients": Record({"weight": NUMBER, "names": Words()}),
            "counts": Record(
                {
                    **{
                        name: Words()
                        for name in ("calls", "deals", "clients", "key_words", "people", "lead_verbs", "not_after")
                    },
                    **{
                        name: NUMBER
                        for name in (
                            "calls_weight",
                            "deals_weight",
                            "many_clients",
                            "many_weight",
                            "few_clients",
                            "few_weight",
                        )
                    },
                }
            ),
            "min_score": NUMBER,
            "min_description_score": NUMBER,
            "other_margin": NUMBER,
            "store_work": WEIGHTS,
            "store_work_min": NUMBER,
            "management": Record(
                {
                    **{
                        name: WEIGHTS
                        for name in ("team_titles", "lead", "teach", "people", "people_strong", "people_weak")
                    },
                    **{name: Words() for name in ("lead_words", "not_led", "not_between", "modified")},
                    "people_window": INT,
                }
            ),
            "b2b": WEIGHTS,
            "b2c": WEIGHTS,
            "account_evidence": WEIGHTS,
        }
    )


_TEAM_WORDS = (
    "lead",
    "lead_roles",
    "lead_after",
    "self_lead",
    "beneficiary",
    "activities",
    "assisting",
    "unit",
    "plural_unit",
    "size_keys",
    "unit_links",
    "member",
    "people",
    "invariant",
    "not_modifiers",
    "not_people",
    "list_items",
    "per_person",
    "approx",
    "joiners",
    "range_words",
    "growth_from",
    "articles",
    "number_links",
)
_TEAM_SIZES = (
    "max_modifiers",
    "lead_window_before",
    "role_window",
    "assist_window",
    "lead_window_after",
    "unit_window",
    "min_size",
    "max_size",
)


def _team() -> Schema:
    return Record(
        {
            **{name: Words() for name in _TEAM_WORDS},
            **{name: INT for name in _TEAM_SIZES},
            "numbers": Table(Text(), INT),
            "multipliers": Table(Text(), INT),
        }
    )


@functools.cache
def schema_of(filename: str) -> Schema:
    """The schema of ``lexicons/<filename>``; LexiconError for a file that has none."""
    schemas = _schemas()
    if filename not in schemas:
        raise LexiconError(f"{filename}: no schema for this lexicon (add one in kamscreen.lexicons.files)")
    return schemas[filename]


def names() -> tuple[str, ...]:
    """Every lexicon file that has a schema."""
    return tuple(_schemas())
