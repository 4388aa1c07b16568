"""Official codes (SSDA903, the courts) as TextChoices: the code is the value, the label plain."""

from django.db import models


class Sex(models.TextChoices):
    MALE = "1", "Male"
    FEMALE = "2", "Female"


class Ethnicity(models.TextChoices):
    """SSDA903 ethnic origin codes."""

    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


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
