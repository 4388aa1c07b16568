"""Draw the EP journey from the state machine itself, as a Mermaid chart (or Graphviz DOT text).

django-fsm-2's ``graph_transitions`` needs the ``graphviz`` Python package, which this project
does not install; this command reads the same transitions from the model and writes text that
GitHub renders (Mermaid) or that ``dot`` draws, so the chart cannot drift from the code.
"""

from django.core.management.base import BaseCommand

from journey.models import Journey, Stage


def transitions():
    """(name, source, target) of every transition, in the model's order."""
    field = Journey._meta.get_field("stage")
    found = []
    for transition in field.get_all_transitions(Journey):
        sources = [transition.source] if transition.source != "*" else Stage.values
        target = transition.target
        targets = list(target.allowed_states) if hasattr(target, "allowed_states") else [target]
        for source in sources:
            for to in targets:
                found.append((transition.name, source, to))
    return found


class Command(BaseCommand):
    help = "Write the EP journey's chart (Mermaid by default, --dot for Graphviz DOT text)."

    def add_arguments(self, parser):
        parser.add_argument("--dot", action="store_true")

    def handle(self, *args, **options):
        if options["dot"]:
            lines = ["digraph journey {", "  rankdir=LR;"]
            lines += [f'  {s} -> {t} [label="{n}"];' for n, s, t in transitions()]
            lines.append("}")
        else:
            lines = ["stateDiagram-v2", "  [*] --> identified"]
            lines += [f"  {s} --> {t}: {n}" for n, s, t in transitions()]
            lines += ["  adopted --> [*]", "  reunified --> [*]", "  closed --> [*]"]
        self.stdout.write("\n".join(lines))
