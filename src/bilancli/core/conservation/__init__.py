"""R6313-7 and the other clocks: what goes when, backups that respect it."""
