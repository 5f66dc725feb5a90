"""The trees on disk: reading a folder, choosing it, the parsed cache, published history; where the
program's files are, and writing a file whole."""
