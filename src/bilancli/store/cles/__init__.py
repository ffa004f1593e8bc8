"""Encryption at rest (SPEC §15): the cipher of stored content, the master key and the store of
data keys kept outside the data folder, recovery files."""
