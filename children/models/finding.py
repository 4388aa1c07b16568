"""Family finding (issue 9 item 9): the referral to the regional adoption agency and the child's
brothers and sisters as the returns count them (the Standard Safeguarding Dataset permanence
items: date referred to the RAA, the adoption social worker; the ASGLB return: siblings placed
together and apart)."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel

from .child import Child


class FamilyFinding(TimeStampedModel):
    """The referral to the agency and the sibling counts of one child."""

    child = models.OneToOneField(Child, on_delete=models.PROTECT, related_name="family_finding")
    referred_on = models.DateField(
        "date referred to the regional adoption agency", null=True, blank=True
    )
    agency_social_worker = models.CharField(
        "the agency's social worker", max_length=200, blank=True
    )
    siblings = models.PositiveSmallIntegerField("brothers and sisters", null=True, blank=True)
    siblings_together = models.PositiveSmallIntegerField(
        "brothers and sisters placed together with this child", null=True, blank=True
    )
    siblings_apart = models.PositiveSmallIntegerField(
        "brothers and sisters placed apart", null=True, blank=True
    )
    with_siblings_adopters = models.BooleanField(
        "placed with the adopters of an older brother or sister", default=False
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(siblings__isnull=True)
                | models.Q(
                    siblings__gte=models.F("siblings_together") + models.F("siblings_apart")
                )
                | models.Q(siblings_together__isnull=True)
                | models.Q(siblings_apart__isnull=True),
                name="family_finding_siblings_add_up",
            )
        ]

    def __str__(self) -> str:
        return "Family finding"
