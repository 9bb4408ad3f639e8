"""The command line: a thin click layer over the library.

Heavy imports (spaCy, pandas, pint) happen inside the commands, so
``agrofacts --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import AgrofactsError


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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the table to FILE instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv",
              show_default=True, help="Table format.")
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
def extract(paths: tuple[str, ...], output: str | None, fmt: str, glob: str,
            published: str | None, metadata_path: str | None, unresolved_dates: bool) -> None:
    """Extract the figures of the articles in PATHS (files, folders, or - for stdin)."""
    from .extract import extract_paths
    from .metadata import read_metadata
    from .writers import WRITERS

    write = WRITERS[fmt]
    try:
        metadata = read_metadata(metadata_path) if metadata_path else None
        facts = extract_paths(paths, glob=glob, published=published, metadata=metadata,
                              unresolved_dates=unresolved_dates)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                write(facts, out)
        else:
            write(facts, sys.stdout)
    except AgrofactsError as exc:
        raise click.ClickException(str(exc)) from exc
    for row in metadata.unused() if metadata else ():
        click.echo(f"Warning: {metadata.path}:{row.line}: no article named {row.doc!r}", err=True)


def main() -> None:
    cli()
