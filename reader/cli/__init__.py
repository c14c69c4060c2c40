"""The command line: parser, one module per command group, output."""
