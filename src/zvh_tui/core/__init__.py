"""The core every layer may use: errors, vocabulary, paths, settings, the crash policy."""
