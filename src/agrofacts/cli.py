"""The command line: a thin click layer over the library.

Heavy imports (spaCy, pandas, pint) happen inside the commands, so
``agrofacts --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import AgrofactsError, InputError
from .output import EXIT_DIFFERS, EXIT_INTERRUPTED, EXIT_SOME_UNUSED, EXIT_USAGE, quiet_on_interrupt


class InputProblem(click.ClickException):
    """A usage or input error found after parsing (an unreadable golden file, an unwritable -o)."""

    exit_code = EXIT_USAGE


@click.group()
@click.version_option(__version__, prog_name="agrofacts")
def cli() -> None:
    """Turn English news articles into a tidy table of the figures they report."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the table to FILE instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True, help="Table format.")
@click.option("--glob", default="*.txt", show_default=True,
              help="Which files to read inside folders.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date for every input that does not print its own.")
@click.option("--raw", is_flag=True,
              help="CSV: leave text cells that start with = + - @ as they are (no leading ').")
@click.option("--max-size", type=click.FloatRange(min=0), default=10, show_default=True, metavar="MB",
              help="Skip files larger than this (MiB).")
@quiet_on_interrupt
def extract(paths: tuple[str, ...], output: str | None, fmt: str, glob: str,
            published: str | None, raw: bool, max_size: float) -> None:
    """Extract the figures of the articles in PATHS (files, folders, or - for stdin).

    Inputs are read in order of their doc name. A file that cannot be used is
    named on stderr with the reason and the rest are still written; the exit
    status is then 1 (0 when every input was used, 2 for a usage error).
    """
    from .extract import extract_paths
    from .output import StderrReport, atomic_output
    from .writers import WRITERS

    write = WRITERS[fmt]
    options = {"raw": raw} if fmt == "csv" else {}
    report = StderrReport()
    try:
        facts = extract_paths(paths, glob=glob, published=published, report=report,
                              max_bytes=int(max_size * 1024 * 1024))
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
    except InputError as exc:  # an option or input the user gave cannot be used at all
        raise InputProblem(str(exc)) from exc
    except AgrofactsError as exc:
        raise click.ClickException(str(exc)) from exc
    if report.unused:
        sys.exit(EXIT_SOME_UNUSED)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--golden", required=True, type=click.Path(dir_okay=False), metavar="FILE",
              help="The golden facts CSV to compare with.")
@click.option("--update", is_flag=True, help="After the report, rewrite FILE with the new facts.")
@click.option("--glob", default="*.txt", show_default=True,
              help="Which files to read inside folders.")
@click.option("--published", metavar="YYYY-MM-DD",
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
