from . import crm_reseller_grade, res_partner, crm_lead  # isort: skip
