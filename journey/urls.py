app_name = "journey"

urlpatterns: list = []
