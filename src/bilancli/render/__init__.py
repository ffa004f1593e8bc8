"""Documents the cabinet hands out: view models, Jinja templates, Markdown/HTML/PDF output."""
