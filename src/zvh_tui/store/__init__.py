"""The store: Peewee models, the encrypted database, migrations. Knows nothing of Textual."""
