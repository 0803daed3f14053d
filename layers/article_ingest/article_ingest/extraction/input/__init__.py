"""Stage 1-2: bytes to a parsed tree: decompress, decode, defuse hostile markup, parse."""
