"""``python -m dxkit`` runs the command line."""

from dxkit.cli import main

main()
