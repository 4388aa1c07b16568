from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = "Matching"

    def ready(self):
        from carers.events import carer_event
        from carers.extensions import PlacementSource, household_visibility, placement_sources

        from . import selectors
        from .receivers import on_carer_event

        # carers.availability: linked = a proposed match, caring = an open EP placement
        placement_sources.register(
            PlacementSource(
                linked=selectors.linked_households,
                caring=selectors.caring_households,
                placed_children=selectors.placed_children,
            )
        )
        household_visibility.register(selectors.households_visible_to)
        # CPR reg 25A(3): approved as foster carers ends the temporary approval
        carer_event.connect(on_carer_event, dispatch_uid="matching.reg25a_ends")
