"""--engine dask: a LocalCluster of two workers gives the single-machine table."""

from __future__ import annotations

from pathlib import Path

import pytest

distributed = pytest.importorskip("dask.distributed")
pq = pytest.importorskip("pyarrow.parquet")

from click.testing import CliRunner  # noqa: E402

from agrofacts import dask_engine  # noqa: E402
from agrofacts.archive import extract_paths  # noqa: E402
from agrofacts.cli import cli  # noqa: E402
from agrofacts.fact import COLUMNS  # noqa: E402
from agrofacts.reading import iter_files  # noqa: E402
from agrofacts.writers import write_csv  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def local_csv(*paths, raw: bool = False) -> str:
    import io

    out = io.StringIO()
    write_csv(extract_paths(paths), out, raw=raw)
    return out.getvalue()


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        yield cluster


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A few hundred articles in nested folders ('a-b' and 'a/b' sort differently as strings and as paths)."""
    root = tmp_path_factory.mktemp("archive")
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(300):
        folder = root / ("a-b" if n % 3 == 0 else "a" if n % 3 == 1 else "a/b") / f"{n % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        (folder / f"{n:03d}.txt").write_text(f"{text}\nSales rose {n + 1} percent to {n * 3 + 7} tons.\n",
                                             encoding="utf-8")
    (root / "notes.md").write_text("Not an article: 5 kg.\n", encoding="utf-8")
    return root


def csv_via_dask(cluster, *urls: str) -> str:
    import io

    out = io.StringIO()
    write_csv(dask_engine.extract_dask(urls, scheduler=cluster.scheduler_address), out)
    return out.getvalue()


def test_inputs_listed_like_local(archive):
    listed = [doc for doc, _url in dask_engine.list_inputs([str(archive)])]
    assert listed == [doc for doc, _path in iter_files([archive])]
    assert len(listed) == 300
    assert listed == sorted(listed)  # doc-name order, as a local run


def test_seeds_same_as_single_machine(cluster):
    assert csv_via_dask(cluster, str(SEEDS)) == local_csv(SEEDS)


def test_archive_same_as_single_machine(cluster, archive):
    expected = local_csv(archive)
    assert expected.count("\n") > 3000
    assert csv_via_dask(cluster, f"file://{archive}") == expected


def test_single_files_and_folders_mixed(cluster, archive):
    one = sorted(SEEDS.glob("*.txt"))[2]
    assert csv_via_dask(cluster, str(one), str(archive / "a-b")) == local_csv(one, archive / "a-b")


def test_parquet_dataset_holds_the_csv_rows(cluster, archive, tmp_path):
    out = tmp_path / "facts.parquet"
    rows = dask_engine.write_parquet_dask([str(archive)], str(out), scheduler=cluster.scheduler_address)
    parts = sorted(p.name for p in out.iterdir())
    assert parts == [f"part-{n:05d}.parquet" for n in range(len(parts))]
    assert len(parts) == 5  # 300 files, 64 a partition
    table = pq.read_table(out).to_pylist()
    import csv
    import io

    # Parquet cells are the facts as they are: compare with the CSV that leaves formulas alone.
    expected = list(csv.DictReader(io.StringIO(local_csv(archive, raw=True))))
    assert rows == len(table) == len(expected)
    as_text = [{c: "" if r[c] is None else str(r[c]) for c in COLUMNS} for r in table]
    assert as_text == expected


def test_missing_input_is_an_input_error():
    with pytest.raises(dask_engine.InputError, match="^nowhere/: no such file or folder$"):
        dask_engine.list_inputs(["nowhere/"])


def test_cli_engine_dask_starts_a_local_cluster():
    result = CliRunner().invoke(cli, ["extract", "--engine", "dask", "--jobs", "2", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert result.stdout == local_csv(SEEDS)


def test_cli_engine_dask_on_a_scheduler(cluster, tmp_path):
    out = tmp_path / "seeds.csv"
    result = CliRunner().invoke(cli, ["extract", "--engine", "dask", "--scheduler",
                                      cluster.scheduler_address, "-o", str(out), str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == local_csv(SEEDS)


@pytest.mark.parametrize("size,limit,kept", [(10, 100, 10), (100, 100, 100), (150, 101, 101)])
def test_files_are_read_at_their_size_up_to_the_limit(tmp_path, size, limit, kept):
    """A worker reads a file at its size (no ``limit``-sized buffer per article), never past ``limit``."""
    import fsspec

    from agrofacts.dask_engine import _read_file

    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * size)
    with fsspec.open(str(path), "rb") as f:
        assert len(_read_file(f, limit)) == kept
