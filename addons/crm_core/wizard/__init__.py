from . import (
    crm_approval_reject,
    crm_pool_assign,
    crm_pool_release,
    tier_validation_forward_wizard,
)
