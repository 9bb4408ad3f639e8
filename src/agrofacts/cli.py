"""The command line: a thin click layer over the library.

Heavy imports (spaCy, pandas, pint) happen inside the commands, so
``agrofacts --help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import AgrofactsError


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
def extract(paths: tuple[str, ...], output: str | None, fmt: str, glob: str,
            published: str | None) -> None:
    """Extract the figures of the articles in PATHS (files, folders, or - for stdin)."""
    from .extract import extract_paths
    from .writers import WRITERS

    write = WRITERS[fmt]
    try:
        facts = extract_paths(paths, glob=glob, published=published)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                write(facts, out)
        else:
            write(facts, sys.stdout)
    except AgrofactsError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command()
def units() -> None:
    """Print the table of unit and currency words agrofacts reads, as Markdown."""
    from .unit_table import units_markdown

    click.echo(units_markdown(), nl=False)


def main() -> None:
    cli()
