"""The headless command line: ``lobcoder SUBCOMMAND ...`` (see ``lobcoder --help``)."""
