"""Secure destruction: the purge, the archives, backups and their restore."""
