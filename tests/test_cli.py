"""CLI: usage and configuration errors exit 2 with one clear message."""
from __future__ import annotations

import subprocess
import sys

import pytest

from pipeline.cli import main


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["run", "--workers", "many"], ["export"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2


def test_bad_config_exits_2_naming_the_key(tmp_path, capsys):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[batch]\nworkerz = 2\n", encoding="utf-8")
    (tmp_path / "raw").mkdir()
    assert main(["run", "--config", str(cfg), "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "batch.workerz: unknown key" in err
    assert not (tmp_path / "out").exists(), "nothing written on a configuration error"


def test_explicit_missing_config_exits_2(tmp_path, capsys):
    assert main(["run", "--config", str(tmp_path / "nope.toml"), "--raw", str(tmp_path)]) == 2
    assert "file not found" in capsys.readouterr().err


def test_missing_raw_folder_exits_2(tmp_path, capsys):
    assert main(["run", "--raw", str(tmp_path / "absent"), "--out", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_python_dash_m_works_like_the_console_script():
    r = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("pipeline ")
