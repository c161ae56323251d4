"""``python -m dxkit`` runs the command line."""

from dxkit._entry import main

main()
