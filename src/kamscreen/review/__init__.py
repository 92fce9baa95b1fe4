"""``kamscreen review``: recruiters review a screen's ranking, decide, and retrain the model on their decisions.

- ``storage``: decisions by (vacancy, file sha256), audit log, model records; SQLite or PostgreSQL
  through SQLAlchemy Core, schema from the versioned ``migrations``.
- ``screening``: the screen's outputs in OUT, read one candidate at a time.
- ``ranking``: the order shown (the screen's, or the vacancy's retrained model's).
- ``retrain`` / ``labels``: decisions → a model (as ``kamscreen train``), and → a labels CSV and back.
- ``security`` / ``app``: the access token, sessions, CSRF, CSP; the Starlette app and its pages.
"""
