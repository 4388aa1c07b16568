"""The national-scale benchmark (``make bench``): not collected by pytest (see pyproject.toml)."""
