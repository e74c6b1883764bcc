"""LKKS/LKS news monitor: discover, fetch, extract, clean, analyse and load regional news into DuckDB."""

__version__ = "0.1.0"

# Bumped whenever extraction, cleaning or analysis output changes, so `reprocess` knows what is stale.
EXTRACTOR_VERSION = "2026.11.1"
