from . import (
    crm_competitor,
    crm_competitor_product,
    crm_competitor_report,
    crm_lead,
    crm_lead_competition,
    crm_lost_reason,
)
