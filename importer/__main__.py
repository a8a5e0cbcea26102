"""``python -m importer`` runs the ``blogimport`` command line."""

from importer.cli import main

if __name__ == "__main__":
    main(prog_name="blogimport")
