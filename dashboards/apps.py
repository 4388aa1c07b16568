from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = "Dashboards"

    def ready(self):
        from carers.extensions import demand_sources

        from .sufficiency import children_demand

        # the children's side of the carers' sufficiency page (carers cannot read children)
        demand_sources.register(children_demand)
