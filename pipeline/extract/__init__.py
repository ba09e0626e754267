"""Extractors: dates, institutions, attendance figures and events."""
