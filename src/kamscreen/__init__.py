"""kamscreen: screen CVs for Key Account Manager roles, with evidence for every fact.

The stages run one way: ``parse`` (file → ParsedCV) → ``extract`` (ParsedCV → Facts)
→ ``score`` (Facts → Assessment) → report.

>>> import kamscreen                                               # doctest: +SKIP
>>> facts = kamscreen.extract(kamscreen.parse("cv.pdf"))           # doctest: +SKIP
>>> kamscreen.score(facts, "kam-director").checklist.verdict        # doctest: +SKIP
"""

from __future__ import annotations

__version__ = "0.1.0"

# Imported here, after the stage packages of the same names, so that ``kamscreen.parse`` etc.
# are the functions. The packages are light: the file readers, spaCy and scikit-learn load only
# when first used (``kamscreen --help`` imports none of them).
from kamscreen.extract import extract
from kamscreen.parse import parse
from kamscreen.score import score

__all__ = ["__version__", "extract", "parse", "score"]
