"""``python -m disclosure_parser`` runs the command line."""

from .cli import main

main()
