"""One module per source format; :func:`read_file` picks the reader by extension."""
