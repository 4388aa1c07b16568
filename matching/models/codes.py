"""The SSDA903 codes of a placement (LAW.md "Data returns"): the official code is the value."""

from django.db import models


class PlacementCode(models.TextChoices):
    """903 PLACE: the type of placement."""

    A3 = "A3", "A3: placed for adoption with consent (s.19) with current foster carers"
    A4 = "A4", "A4: placed for adoption with consent (s.19), not with current foster carers"
    A5 = "A5", "A5: placed for adoption under a placement order with current foster carers"
    A6 = "A6", "A6: placed for adoption under a placement order, not with current foster carers"
    H5 = "H5", "H5: supported accommodation"
    K1 = "K1", "K1: secure children's home"
    K2 = "K2", "K2: children's home"
    P1 = "P1", "P1: placed with own parents or other person with parental responsibility"
    P2 = "P2", "P2: independent living"
    P3 = "P3", "P3: residential employment"
    R1 = "R1", "R1: residential care home"
    R2 = "R2", "R2: NHS or health trust establishment providing medical or nursing care"
    R3 = "R3", "R3: family centre or mother and baby unit"
    R5 = "R5", "R5: young offender institution or prison"
    S1 = "S1", "S1: residential school"
    U1 = "U1", "U1: foster placement with relative or friend, long-term fostering"
    U2 = (
        "U2",
        (
            "U2: foster placement with relative or friend who is also an approved adopter "
            "(fostering for adoption or concurrent planning)"
        ),
    )
    U3 = "U3", "U3: foster placement with relative or friend, not long-term or early permanence"
    U4 = "U4", "U4: foster placement with other foster carer, long-term fostering"
    U5 = (
        "U5",
        (
            "U5: foster placement with other foster carer who is also an approved adopter "
            "(fostering for adoption or concurrent planning)"
        ),
    )
    U6 = "U6", "U6: foster placement with other foster carer, not long-term or early permanence"
    Z1 = "Z1", "Z1: other placement"


class ProviderCode(models.TextChoices):
    """903 PLACE_PROVIDER: who provides the placement."""

    PR0 = "PR0", "PR0: parent or other person with parental responsibility"
    PR1 = "PR1", "PR1: own provision (by the local authority)"
    PR2 = "PR2", "PR2: other local authority provision"
    PR3 = "PR3", "PR3: other public provision (for example a primary care trust)"
    PR4 = "PR4", "PR4: private provision"
    PR5 = "PR5", "PR5: voluntary or third sector provision"


class ReasonForChange(models.TextChoices):
    """903 REASON_PLACE_CHANGE: why the previous placement changed."""

    CARPL = "CARPL", "Change to or implementation of the care plan"
    CLOSE = "CLOSE", "Resignation or closure of the provider"
    ALLEG = "ALLEG", "Allegation (s.47)"
    STAND = "STAND", "Standards of care concern"
    APPRR = "APPRR", "Approval removed"
    CREQB = "CREQB", "Carer requests the placement end: the child's behaviour"
    CREQO = "CREQO", "Carer requests the placement end: another reason"
    CHILD = "CHILD", "The child requests the placement end"
    LAREQ = "LAREQ", "The responsible or area authority requests the placement end"
    PLACE = "PLACE", "Change in the status of the placement only"
    CUSTOD = "CUSTOD", "Custody arrangement"
    OTHER = "OTHER", "Other"


class NoLongerReason(models.TextChoices):
    """903 reason for a decision that the child should no longer be placed for adoption."""

    RD1 = "RD1", "RD1: the child's interests are no longer best served by adoption"
    RD2 = "RD2", "RD2: a special guardianship order or child arrangements order was made"
    RD3 = "RD3", "RD3: prospective adopters for the child cannot be found"
    RD4 = "RD4", "RD4: any other reason"
