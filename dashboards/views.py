import json

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import selectors


@require_GET
@never_cache
@login_not_required
def healthz(request):
    """Database, broker and worker status as JSON, for load balancers and monitoring.

    No login and no personal data: only whether each part answers.
    """
    report = selectors.health_report()
    status = 200 if report["status"] == "ok" else 503
    return HttpResponse(json.dumps(report), status=status, content_type="application/json")
