"""Jobs: each reads what it needs from the store, runs one pure stage, writes back.

Stages (``sources``, ``clean``, ``extract``, ``link``, ``story``) never touch the
database; jobs are the thin layer that feeds them from the store and persists
their output, so the same stage code runs here or on Dask workers.
"""
