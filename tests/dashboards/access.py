"""The dashboards app's pages in the access matrix (see tests/access_matrix.py)."""

from tests.access_matrix import Page

PAGES: dict[str, Page] = {
    "dashboards:healthz": Page(default=200, anonymous=200, no_axe="JSON for the load balancer"),
}
