"""Small helpers every layer of the core may use; they import nothing of lobcoder."""
