"""config.toml: defaults, overrides, and every problem reported at once with its key path."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import config
from pipeline.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def test_shipped_config_loads_and_matches_defaults_where_it_repeats_them():
    cfg = config.load(REPO / "config.toml")
    assert cfg.paths.raw == "raw" and cfg.paths.out == "extracted"
    assert cfg.language.languages == ("ja", "en", "ru")


@pytest.mark.parametrize("toml, fragments", [
    ('[paths]\nrwa = "x"\n', ["paths.rwa: unknown key", "allowed: raw, out"]),
    ('[batch]\nworkers = "two"\n', ["batch.workers: expected int"]),
    ('[batch]\nworkers = -1\n', ["batch.workers: must be >= 0"]),
    ('[language]\nlanguages = ["ja", "fr"]\n', ["'fr' not supported"]),
    ('[language]\nlanguages = "ja"\n', ["language.languages: expected a list"]),
    ('[nope]\nx = 1\n', ["nope: unknown key"]),
    ('paths = 3\n', ["paths: expected a table"]),
    ('[batch]\nkeep_deleted = 1\n', ["batch.keep_deleted: expected bool"]),
    ('[batch]\nworkers = true\n', ["batch.workers: expected int"]),
])
def test_bad_config_is_rejected_with_key_path(tmp_path, toml, fragments):
    p = tmp_path / "c.toml"
    p.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        config.load(p)
    for f in fragments:
        assert f in str(e.value)
    assert str(p) in str(e.value)


def test_all_problems_reported_at_once(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text('[paths]\nrwa = 1\n[batch]\nworkers = "x"\n[language]\nlanguages = ["de"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        config.load(p)
    assert len(e.value.problems) == 3


def test_float_accepts_int_and_overrides_only_what_is_given(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("[batch]\ntimeout = 5\n", encoding="utf-8")
    cfg = config.load(p)
    assert cfg.batch.timeout == 5.0 and isinstance(cfg.batch.timeout, float)
    assert cfg.batch.workers == config.Config().batch.workers


def test_invalid_toml_and_missing_file(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("[paths\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        config.load(p)
    with pytest.raises(ConfigError, match="file not found"):
        config.load(tmp_path / "missing.toml")


def test_config_hash_ignores_paths_and_batch_but_not_extraction_settings():
    base = config.Config()
    moved = config.from_dict({"paths": {"out": "elsewhere"}, "batch": {"workers": 3}})
    other = config.from_dict({"institutions": {"publisher": "hokkaido-university"}})
    assert base.sha256() == moved.sha256()
    assert base.sha256() != other.sha256()
