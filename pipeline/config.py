"""config.toml read with tomllib into frozen dataclasses.

Every setting has a default here; the file only overrides. Unknown keys and values of the
wrong type are rejected, all problems reported at once, each with its key path and what is
allowed.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
import typing
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class PathsConfig:
    raw: str = "raw"
    out: str = "extracted"


@dataclass(frozen=True)
class IngestConfig:
    max_bytes: int = 50_000_000  # larger files are rejected with a clear message
    max_pages: int = 2000
    extensions: tuple[str, ...] = (".pdf", ".html", ".htm", ".xhtml", ".txt", ".text", ".md")
    nfkc: bool = True  # NFKC where safe (full-width ASCII, half-width kana), offsets kept


@dataclass(frozen=True)
class LanguageConfig:
    languages: tuple[str, ...] = ("ja", "en", "ru")
    seed: int = 0
    min_chars: int = 20  # shorter blocks without script evidence inherit their neighbours' language
    # a language is "present" with at least this many letters of running text in sentences
    present_min_chars: int = 40


@dataclass(frozen=True)
class DatesConfig:
    enabled: bool = True


@dataclass(frozen=True)
class InstitutionsConfig:
    enabled: bool = True
    # id of the publishing institution: 本学 / our university resolve to it when set
    publisher: str = ""
    discover: bool = True


@dataclass(frozen=True)
class AttendanceConfig:
    enabled: bool = True


@dataclass(frozen=True)
class BatchConfig:
    workers: int = 0  # 0 = the machine's cores
    timeout: float = 300.0  # seconds per document
    memory_mb: int = 2048  # per-worker address-space limit
    keep_deleted: bool = False  # keep outputs whose raw file was deleted


@dataclass(frozen=True)
class ExportConfig:
    sqlite: bool = True  # `pipeline run` keeps OUT/exchange.sqlite up to date


@dataclass(frozen=True)
class Config:
    paths: PathsConfig = field(default_factory=PathsConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    language: LanguageConfig = field(default_factory=LanguageConfig)
    dates: DatesConfig = field(default_factory=DatesConfig)
    institutions: InstitutionsConfig = field(default_factory=InstitutionsConfig)
    attendance: AttendanceConfig = field(default_factory=AttendanceConfig)
    batch: BatchConfig = field(default_factory=BatchConfig)
    export: ExportConfig = field(default_factory=ExportConfig)

    def sha256(self) -> str:
        """Hash of the settings that change what a document's JSON says (not paths or batch)."""
        return _config_sha256(self)


@lru_cache(maxsize=8)  # a Config is frozen and hashable; every document asks for its hash
def _config_sha256(config: Config) -> str:
    d = dataclasses.asdict(config)
    for k in ("paths", "batch", "export"):
        d.pop(k)
    return hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin is tuple:
        return f"list of {_type_name(typing.get_args(tp)[0])}"
    return getattr(tp, "__name__", str(tp))


def _coerce(value: Any, tp: Any, key: str, problems: list[str]) -> Any:
    origin = typing.get_origin(tp)
    if origin is tuple:
        item = typing.get_args(tp)[0]
        if not isinstance(value, list):
            problems.append(f"{key}: expected a list of {_type_name(item)}, got {value!r}")
            return None
        return tuple(_coerce(v, item, f"{key}[{i}]", problems) for i, v in enumerate(value))
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if tp in (int, float) and isinstance(value, bool) or not isinstance(value, tp):
        problems.append(f"{key}: expected {_type_name(tp)}, got {type(value).__name__} {value!r}")
        return None
    return value


def _build(cls: type, data: dict[str, Any], prefix: str, problems: list[str]) -> Any:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    kwargs = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if key not in hints:
            problems.append(f"{path}: unknown key (allowed: {', '.join(names)})")
            continue
        tp = hints[key]
        if dataclasses.is_dataclass(tp):
            if not isinstance(value, dict):
                problems.append(f"{path}: expected a table [{path}], got {value!r}")
                continue
            kwargs[key] = _build(tp, value, path + ".", problems)
        else:
            v = _coerce(value, tp, path, problems)
            if v is not None:
                kwargs[key] = v
    return cls(**kwargs)


def _check_values(cfg: Config, problems: list[str]) -> None:
    if cfg.batch.workers < 0:
        problems.append("batch.workers: must be >= 0 (0 = all cores)")
    if cfg.batch.timeout <= 0:
        problems.append("batch.timeout: must be > 0 seconds")
    if cfg.ingest.max_bytes <= 0:
        problems.append("ingest.max_bytes: must be > 0")
    allowed = {"ja", "en", "ru"}
    for lang in cfg.language.languages:
        if lang not in allowed:
            problems.append(f"language.languages: {lang!r} not supported (allowed: ja, en, ru)")


def from_dict(data: dict[str, Any], path: str | None = None) -> Config:
    problems: list[str] = []
    cfg = _build(Config, data, "", problems)
    _check_values(cfg, problems)
    if problems:
        raise ConfigError(problems, path)
    return cfg


def load(path: str | Path | None) -> Config:
    """Read `path`; a missing default file gives the embedded defaults."""
    if path is None:
        return Config()
    p = Path(path)
    if not p.exists():
        raise ConfigError([f"file not found (pass --config FILE, or omit it for the defaults)"], str(p))
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError([f"not valid TOML: {e}"], str(p)) from None
    return from_dict(data, str(p))
