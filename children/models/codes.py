"""Official codes (SSDA903, the courts) as TextChoices: the code is the value, the label plain.

The 903 sex and ethnicity lists are shared with ``carers`` and so live on the ground floor
(``accounts.codes``); they are re-exported here so ``children.models.codes.Sex`` still works.
"""

from django.db import models

from accounts.codes import Ethnicity as Ethnicity  # re-exported
from accounts.codes import Sex as Sex  # re-exported


class LegalStatus(models.TextChoices):
    """SSDA903 legal status codes: those a child in early permanence can have first (C1, C2, E1,
    V2, L1–L3), then the rare ones."""

    C1 = "C1", "C1: interim care order"
    C2 = "C2", "C2: full care order"
    E1 = "E1", "E1: placement order granted"
    V2 = "V2", "V2: single period of accommodation under section 20"
    L1 = "L1", "L1: under police protection and in local authority accommodation"
    L2 = "L2", "L2: emergency protection order"
    L3 = "L3", "L3: under child assessment order and in local authority accommodation"
    D1 = "D1", "D1: freeing order granted"
    J1 = "J1", "J1: remanded to local authority accommodation or youth detention"
    J2 = "J2", "J2: placed in local authority accommodation under PACE"
    J3 = "J3", "J3: sentenced to a youth rehabilitation order with residence requirement"
    V3 = "V3", "V3: accommodated under an agreed series of short-term breaks"
    V4 = "V4", "V4: accommodated under an agreed series of short-term breaks (multiple)"


class Route(models.TextChoices):
    """How the child came to be considered for early permanence."""

    PLO_PRE_PROCEEDINGS = "plo", "PLO pre-proceedings"
    PRE_BIRTH = "pre_birth", "Pre-birth planning"
    RELINQUISHED = "relinquished", "Relinquished baby / consensual adoption"
    PROCEEDINGS_ISSUED = "proceedings", "Care proceedings already issued"


class YesNoUnknown(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not known"
