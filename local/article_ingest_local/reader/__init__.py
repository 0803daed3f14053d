"""The reader page: the stack's articles, each beside its original, served on 127.0.0.1."""
