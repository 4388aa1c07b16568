"""A child's family time plan (Standards 5.4, 6): with whom, how often and why, how it is
supervised, where, who takes the baby and hands over, what everyone has agreed, and its legal
frame. Every change is kept (simple-history): the frequency usually reduces after a placement
order, and the court and the reviews read how it changed and why."""

from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import TimeStampedModel, User
from children.models import Child, FamilyMember

WEEKDAYS = (
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
)


class SupervisionLevel(models.TextChoices):
    SUPERVISED = "supervised", "Supervised"
    SUPPORTED = "supported", "Supported"
    OBSERVED = "observed", "Observed for assessment"
    UNSUPERVISED = "unsupervised", "Unsupervised"


class LegalFrame(models.TextChoices):
    # CA 1989 s.34(1): reasonable contact with parents while the child is in care
    S34 = "s34", "Children Act 1989 s.34: the child is in care"
    # ACA 2002 s.26(1)-(2): once authorised to place, contact under the 1989 Act ends and is
    # only as the agency decides or the court orders under s.26
    S26 = "s26", "Adoption and Children Act 2002 s.26: the agency is authorised to place"
    # a child accommodated under CA 1989 s.20: family time as agreed with the parents
    S20 = "s20", "Agreed with the parents: the child is accommodated under section 20"
    COURT_DIRECTION = "direction", "A direction of the court in the proceedings"


class FamilyTimePlan(TimeStampedModel):
    """How the child's family time runs, and why."""

    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="family_time_plans")
    family_members = models.ManyToManyField(
        FamilyMember, related_name="family_time_plans", verbose_name="with whom"
    )
    # the frequency: which days, every how many weeks, at what time, for how long
    days = models.CharField("days of the week", max_length=20)  # "0,2,4"
    every_weeks = models.PositiveSmallIntegerField("every how many weeks")
    start_time = models.TimeField("start time")
    duration_minutes = models.PositiveSmallIntegerField("length of each session in minutes")
    # never a built-in default: the reasons are the baby's and the assessment's
    frequency_reasons = models.TextField(
        "why this frequency and length",
        help_text="The baby's feeds, sleep and travel",
    )
    assessing = models.TextField("what family time is assessing", blank=True)
    supervision_level = models.CharField(max_length=20, choices=SupervisionLevel.choices)
    supervisor = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Std 5.4, 6.4: supervised by professionals trained in early permanence
    supervisor_ep_trained = models.BooleanField(
        "the supervisor is trained in early permanence", default=False
    )
    venue = models.CharField(max_length=200, blank=True)
    virtual_platform = models.CharField(max_length=200, blank=True)  # Std 6.5
    transport = models.CharField("who takes the baby to family time", max_length=300, blank=True)
    handover = models.CharField("who hands the baby over, and how", max_length=300, blank=True)
    # Std 5.3, 6.2: the first "icebreaker" meeting of the carers and the parents
    icebreaker_on = models.DateField("date of the icebreaker meeting", null=True, blank=True)
    icebreaker_notes = models.TextField(blank=True)
    # Std 6.3: what everyone has agreed
    agreed_presents = models.TextField("presents", blank=True)
    agreed_photos = models.TextField("photographs", blank=True)
    agreed_confidentiality = models.TextField("confidentiality", blank=True)
    agreed_basic_care = models.TextField("basic care during family time", blank=True)
    agreed_breast_milk = models.TextField("expressed breast milk", blank=True)
    agreed_when_unwell = models.TextField("when the baby is unwell", blank=True)
    parents_confirm = models.BooleanField(
        "parents confirm they are coming before the baby travels", default=False
    )
    confirm_by = models.CharField("how and by when they confirm", max_length=200, blank=True)
    legal_frame = models.CharField(max_length=20, choices=LegalFrame.choices)
    starts_on = models.DateField("start date")
    review_on = models.DateField("review date", null=True, blank=True)
    ends_on = models.DateField("end date", null=True, blank=True)
    # goodbye family time before placement for adoption
    goodbye_on = models.DateField("date of goodbye family time", null=True, blank=True)
    goodbye_notes = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[family_members])

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["child", "starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(every_weeks__gte=1), name="family_time_every_weeks_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=1),
                name="family_time_duration_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="family_time_plan_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Family time plan from {self.starts_on:%d/%m/%Y}"

    @property
    def weekdays(self) -> list[int]:
        return [int(day) for day in self.days.split(",") if day != ""]

    def frequency_words(self) -> str:
        names = dict(WEEKDAYS)
        days = [names[str(day)] for day in self.weekdays]
        listed = (
            ", ".join(days[:-1]) + (" and " if len(days) > 1 else "") + days[-1] if days else ""
        )
        every = "every week" if self.every_weeks == 1 else f"every {self.every_weeks} weeks"
        return f"{listed}, {every}, {self.duration_minutes} minutes from {self.start_time:%H:%M}"

    def covers(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)
