"""Generator of the kamscreen fixture corpus: synthetic CVs, their ground truth and hostile files.

Run ``python scripts/make_fixtures.py``; everything is seeded, so a re-run rewrites the same bytes.
"""
