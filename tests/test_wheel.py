"""The wheel carries its rule files: install it (not editable) and run from another folder."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(os.environ.get("AGROFACTS_SKIP_WHEEL") == "1", reason="AGROFACTS_SKIP_WHEEL=1")
def test_installed_wheel_finds_its_data(tmp_path):
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(wheels), str(ROOT)],
        capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(wheels.glob("agrofacts-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    py = env_dir / "bin" / "python"
    # pip of the outer interpreter installs into the venv; dependencies come from the system site
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target",
         str(tmp_path / "site"), str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr[-2000:]
    assert (tmp_path / "site" / "agrofacts" / "data" / "units.txt").is_file()
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    done = subprocess.run([str(py), "-m", "agrofacts", "extract", str(ROOT / "seeds")],
                          capture_output=True, text=True, cwd=workdir, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    table = list(csv.DictReader(io.StringIO(done.stdout)))
    golden = (ROOT / "data" / "golden_facts.csv").read_text(encoding="utf-8")
    assert len(table) == len(golden.splitlines()) - 1
    imported = subprocess.run([str(py), "-c", "import agrofacts.resources as r; print(r.data_dir())"],
                              capture_output=True, text=True, cwd=workdir, env=env, timeout=60)
    assert str(tmp_path / "site") in imported.stdout
