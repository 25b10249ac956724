from .owner_change import stable_fields
