"""The `zvh` command: argument parsing and the subcommands that run without the user interface."""
