"""The command line: a thin click layer over the library.

Heavy imports (spaCy, pandas, pint) happen inside the commands, so
``agrofacts --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import sys
from functools import partial

import click

from . import __version__
from .errors import AgrofactsError, InputError
from .output import EXIT_DIFFERS, EXIT_INTERRUPTED, EXIT_SOME_UNUSED, EXIT_USAGE, quiet_on_interrupt


class InputProblem(click.ClickException):
    """A usage or input error found after parsing (an unreadable golden file, an unwritable -o)."""

    exit_code = EXIT_USAGE


def _check_published(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--published must be a real YYYY-MM-DD date: a usage error (exit 2) otherwise."""
    if value is None:
        return None
    from .metadata import check_date

    try:
        return check_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group()
@click.version_option(__version__, prog_name="agrofacts")
def cli() -> None:
    """Turn English news articles into a tidy table of the figures they report."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(writable=True),
              help="Write the table to FILE (a folder for --format parquet) instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv",
              show_default=True, help="Table format (parquet: a partitioned dataset, --engine dask only).")
@click.option("--glob", default="*.txt", show_default=True,
              help="Which files to read inside folders.")
@click.option("--published", metavar="YYYY-MM-DD", callback=_check_published,
              help="Publication date for every input that does not print its own.")
@click.option("--metadata", "metadata_path", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False),
              help="CSV with columns doc,published[,source]: per-article dates (used after the "
                   "article's own and --published) and sources.")
@click.option("--unresolved-dates", is_flag=True,
              help="Also list dates whose period cannot be known (no publication date), with "
                   "empty periods.")
@click.option("--raw", is_flag=True,
              help="CSV: leave text cells that start with = + - @ as they are (no leading ').")
@click.option("--max-size", type=click.FloatRange(min=0), default=10, show_default=True, metavar="MB",
              help="Skip files larger than this (MiB).")
@click.option("-j", "--jobs", type=click.IntRange(min=1),
              help="Processes (Dask: local workers); default one per core. Same output for any number.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar (none is drawn unless stderr is a terminal).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run here, or on a Dask cluster (pip install 'agrofacts[dask]'); PATHS may be URLs.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786; default: a LocalCluster here.")
@quiet_on_interrupt
def extract(paths: tuple[str, ...], output: str | None, fmt: str, glob: str,
            published: str | None, metadata_path: str | None, unresolved_dates: bool,
            raw: bool, max_size: float, jobs: int | None, quiet: bool, engine: str,
            scheduler: str | None) -> None:
    """Extract the figures of the articles in PATHS (files, folders, or - for stdin).

    Inputs are read in order of their doc name. A file that cannot be used is
    named on stderr with the reason and the rest are still written; the exit
    status is then 1 (0 when every input was used, 2 for a usage error).
    """
    if engine == "dask" or fmt == "parquet" or scheduler:
        _extract_dask(paths, output, fmt, glob, published, metadata_path, unresolved_dates, raw,
                      max_size, jobs, engine, scheduler)
        return
    from .archive import extract_paths
    from .metadata import read_metadata
    from .output import StderrReport
    from .progress import article_progress, wanted
    from .writers import RENDERERS, write_rendered

    header, render = RENDERERS[fmt]
    if fmt == "csv":
        render = partial(render, raw=raw)
    report = StderrReport()
    try:
        metadata = read_metadata(metadata_path) if metadata_path else None
        with article_progress(paths, glob, sys.stderr, wanted(sys.stderr, quiet)) as on_article:
            # Each article's rows are rendered where it is read (in the workers with --jobs).
            rendered = extract_paths(paths, glob=glob, published=published, metadata=metadata,
                                     unresolved_dates=unresolved_dates, report=report,
                                     max_bytes=int(max_size * 1024 * 1024), jobs=jobs,
                                     on_article=on_article, render=render, prepare=_load_pipeline)
            _write(rendered, write_rendered, output, {"header": header})
    except AgrofactsError as exc:
        raise _as_click_error(exc) from exc
    _finish(metadata, report)


def _load_pipeline() -> None:
    """Called before the first article this process extracts (none with --jobs and a large input:
    the workers' fork server loads it). A broken rule file under data/ is an AgrofactsError,
    named without a traceback."""
    from .startup import load_pipeline

    load_pipeline()


def _as_click_error(exc: AgrofactsError) -> click.ClickException:
    """An input the user gave that cannot be used at all is exit 2; other library errors exit 1."""
    return InputProblem(str(exc)) if isinstance(exc, InputError) else click.ClickException(str(exc))


def _finish(metadata, report) -> None:
    """Warn of metadata rows that named no article; exit 1 when some input could not be used."""
    for row in metadata.unused() if metadata else ():
        click.echo(f"Warning: {metadata.path}:{row.line}: no article named {row.doc!r}", err=True)
    if report.unused:
        sys.exit(EXIT_SOME_UNUSED)


def _write(facts, write, output: str | None, options: dict) -> None:
    """The table to ``output`` (atomically) or to standard output."""
    from .output import atomic_output

    if output:
        try:
            with atomic_output(output) as out:
                write(facts, out, **options)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise InputProblem(f"cannot write {output}: {(exc.strerror or str(exc)).lower()}") from exc
    else:
        write(facts, sys.stdout, **options)
        sys.stdout.flush()


def _extract_dask(paths: tuple[str, ...], output: str | None, fmt: str, glob: str,
                  published: str | None, metadata_path: str | None, unresolved_dates: bool, raw: bool,
                  max_size: float, jobs: int | None, engine: str, scheduler: str | None) -> None:
    """``extract --engine dask``: the same table, made on a Dask cluster (see dask_engine)."""
    if engine != "dask":
        raise click.UsageError(f"{'--scheduler' if scheduler else '--format parquet'} needs --engine dask")
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FOLDER")
    from . import dask_engine
    from .metadata import read_metadata
    from .output import StderrReport
    from .writers import WRITERS

    report = StderrReport()
    metadata = None
    try:
        metadata = read_metadata(metadata_path) if metadata_path else None
        common = {"glob": glob, "published": published, "metadata": metadata,
                  "unresolved_dates": unresolved_dates, "scheduler": scheduler, "workers": jobs,
                  "report": report, "max_bytes": int(max_size * 1024 * 1024)}
        if fmt == "parquet":
            dask_engine.write_parquet_dask(paths, output, **common)
        else:
            _write(dask_engine.extract_dask(paths, **common), WRITERS[fmt], output,
                   {"raw": raw} if fmt == "csv" else {})
    except AgrofactsError as exc:
        raise _as_click_error(exc) from exc
    _finish(metadata, report)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--golden", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The golden facts CSV to compare with.")
@click.option("--update", is_flag=True, help="After the report, rewrite FILE with the new facts.")
@click.option("--glob", default="*.txt", show_default=True,
              help="Which files to read inside folders.")
@click.option("--published", metavar="YYYY-MM-DD", callback=_check_published,
              help="Publication date for every input that does not print its own.")
@quiet_on_interrupt
def check(paths: tuple[str, ...], golden: str, update: bool, glob: str, published: str | None) -> None:
    """Extract PATHS again and compare the facts with the golden file FILE.

    Exit 0 when equal, 1 when they differ, 2 for a usage or input error
    (an input that cannot be used, a missing or malformed golden file).
    With --update the golden file is rewritten (all at once) and the exit is 0.
    """
    from .golden import check as check_golden
    from .output import StderrReport

    try:
        comparison = check_golden(paths, golden, update=update, glob=glob, published=published,
                                  report=StderrReport(), echo=click.echo)
    except AgrofactsError as exc:
        raise InputProblem(str(exc)) from exc
    if not (comparison.equal or update):
        sys.exit(EXIT_DIFFERS)


@cli.command()
def units() -> None:
    """Print the table of unit and currency words agrofacts reads, as Markdown."""
    from .unit_table import units_markdown

    click.echo(units_markdown(), nl=False)


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:  # before a command began (while click itself loads)
        sys.exit(EXIT_INTERRUPTED)
