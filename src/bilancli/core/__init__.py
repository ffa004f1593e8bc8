"""The domain, pure: no database, no terminal, `today` always passed in."""
