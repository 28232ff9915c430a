"""`python -m memogen` is the same as the `memogen` command."""

from .cli import main

main()
