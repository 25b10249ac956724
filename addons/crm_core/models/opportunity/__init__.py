from . import (
    crm_lead,
    crm_lead_evidence,
    crm_lead_product,
    crm_lead_stage_history,
    crm_stage,
    crm_stage_requirement,
)
