"""What matching does when the carers' records change (connected in ``MatchingConfig.ready``)."""

from carers.events import CarerEvent


def on_carer_event(sender, event, **kwargs) -> None:
    """CPR reg 25A(3): a temporary approval ends when the carers are approved as foster
    carers. Runs inside the carers' service's transaction."""
    if event.kind != CarerEvent.APPROVED_AS_FOSTER_CARERS or event.on is None:
        return
    from .models import Reg25AEndReason
    from .services import reg25a_end_for_household

    reg25a_end_for_household(
        household=event.subject,
        ended_on=event.on,
        reason=Reg25AEndReason.FOSTER_APPROVED,
        by=event.by,
    )
