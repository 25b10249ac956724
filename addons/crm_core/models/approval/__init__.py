from . import (
    crm_approval_delegation,
    crm_approval_pending,
    crm_approval_token,
    crm_discount_authority,
    tier_definition,
    tier_review,
    tier_validation,
)
