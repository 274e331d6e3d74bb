"""Reading source files into normalised text, and finding speaker turns in it."""
