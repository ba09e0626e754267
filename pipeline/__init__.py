"""Turn reports about international university exchange into anchored, normalised data."""

from functools import lru_cache

__version__ = "0.1.0"

# what decides a document's JSON: the package's code, data and schema (not review/ or export/)
_BUILD_PARTS = ("*.py", "ingest/*.py", "extract/*.py", "data/*", "schema/*")


@lru_cache(maxsize=1)
def build_version() -> str:
    """`__version__` plus a fingerprint of the code and data that produce a document's JSON
    (PEP 440 local version, e.g. 0.1.0+3fa2c1d9e0ab). The manifest keys outputs by it, so a
    changed rule or gazetteer entry redoes every document even before a release bumps
    `__version__`; the same code always gives the same value."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).parent
    h = hashlib.sha256()
    for path in sorted({p for part in _BUILD_PARTS for p in root.glob(part) if p.is_file()}):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{h.hexdigest()[:12]}"
