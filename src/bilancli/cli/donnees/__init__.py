"""The data as a whole: purge, backups, restore, import and export."""
