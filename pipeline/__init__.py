"""Turn reports about international university exchange into anchored, normalised data."""

__version__ = "0.1.0"
