"""Benchmarks for zvh-tui: scale data, timings printed as a table (`make bench`).

Not part of `make test`'s pass/fail: timings depend on the machine.
"""
