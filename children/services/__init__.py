"""Every write to a child's record, split by area. Each area module follows ``core``'s shape."""

from .consent import (
    consent_record,
    consent_update,
    father_without_pr_record,
    parental_responsibility_record,
    part19_record,
    section20_record,
    written_agreement_record,
)
from .core import (
    child_access_log_record,
    child_archive,
    child_create,
    child_record_birth,
    child_update,
)
from .court import (
    direction_add,
    direction_mark_complied,
    extension_grant,
    hearing_add,
    hearing_update,
    order_end,
    order_record,
    proceedings_conclude,
    proceedings_issue,
    proceedings_update,
)
from .family import (
    family_member_add,
    family_member_archive,
    family_member_update,
    paternity_test_add,
    paternity_test_update,
    viability_assessment_add,
    viability_assessment_update,
)
from .legal import (
    care_period_start,
    care_period_update,
    legal_status_record,
)
from .notes import case_note_add
from .plan import plan_set
from .preproceedings import pre_proceedings_record, pre_proceedings_review_add
from .retention import retention_review_record
from .reviews import (
    iro_concern_raise,
    iro_concern_resolve,
    iro_concern_respond,
    iro_concern_update,
    review_record_held,
    review_schedule,
)
from .siblings import sibling_group_set, sibling_link
from .standards import standard_mark_met, standard_unmark

__all__ = [
    "sibling_group_set",
    "sibling_link",
    "child_access_log_record",
    "child_archive",
    "child_create",
    "child_record_birth",
    "child_update",
    # court
    "direction_add",
    "direction_mark_complied",
    "extension_grant",
    "hearing_add",
    "hearing_update",
    "order_end",
    "order_record",
    "care_period_start",
    "care_period_update",
    "legal_status_record",
    "pre_proceedings_record",
    "pre_proceedings_review_add",
    "proceedings_conclude",
    "proceedings_issue",
    "proceedings_update",
    "consent_record",
    "consent_update",
    "father_without_pr_record",
    "parental_responsibility_record",
    "part19_record",
    "section20_record",
    "written_agreement_record",
    "family_member_add",
    "family_member_archive",
    "family_member_update",
    "paternity_test_add",
    "paternity_test_update",
    "viability_assessment_add",
    "viability_assessment_update",
    # plan, reviews, notes, standards
    "case_note_add",
    "iro_concern_raise",
    "iro_concern_resolve",
    "iro_concern_respond",
    "iro_concern_update",
    "plan_set",
    "review_record_held",
    "review_schedule",
    "retention_review_record",
    "standard_mark_met",
    "standard_unmark",
]
