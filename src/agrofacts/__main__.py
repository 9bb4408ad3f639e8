"""`python -m agrofacts` is the `agrofacts` command."""

from .cli import main

main()
