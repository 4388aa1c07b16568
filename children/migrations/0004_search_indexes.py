"""Indexes for the children list at national scale (one authority of 50,000 children).

- The list's order per organisation, (organisation, name, id), for the local authority's own
  children and for an agency's referrals: the keyset pages are ranges of these indexes.
- Name search: GIN trigram indexes on exactly the expression ``icontains`` compiles to on
  PostgreSQL, ``UPPER(column::text) LIKE UPPER('%…%')``. They need the ``pg_trgm`` extension
  (trusted since PostgreSQL 13: the database's owner may create it). SQLite, the embedded mode,
  has neither and runs the same search without them, so those steps do nothing there.
- The child ID search uses the index of the constraint on ``Lower(la_child_id)`` per authority
  (migration 0003).
"""

from django.db import migrations, models

TRIGRAM_INDEXES = {
    "child_legal_name_trgm": "legal_name",
    "child_known_as_trgm": "known_as",
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON children_child "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("children", "0003_child_id_unique_case_insensitive"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="child", name="children_ch_respons_bf116c_idx"),
        migrations.RemoveIndex(model_name="child", name="children_ch_referre_2cad19_idx"),
        migrations.AddIndex(
            model_name="child",
            index=models.Index(
                fields=["responsible_authority", "legal_name", "id"], name="child_list_la_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="child",
            index=models.Index(
                fields=["referred_to", "legal_name", "id"], name="child_list_agency_idx"
            ),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
