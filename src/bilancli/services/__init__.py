"""Use cases that span rooms (purge with its backups, sauvegarde, restaure, import, export,
the rendering of documents), each as plan, confirm, execute, report: a service decides with
`core/`, writes through `store/` and returns what it did; it holds no SQL and prints
nothing. `cli/` parses, calls and prints (the confirmation question is the command's)."""
