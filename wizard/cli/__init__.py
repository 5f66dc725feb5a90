"""Every command: the parser and its subcommands, the self-test, the frozen build."""
