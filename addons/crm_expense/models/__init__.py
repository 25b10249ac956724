"""crm_expense: expense requests and payouts of any business document.

The order of the first lines matters: the documents below inherit the mixin
``crm.expense.document``, and the analysis's SQL view reads the request and payout
tables, which Odoo must have created before it creates the view."""

from . import crm_expense_document, crm_expense_entry, crm_expense_request  # isort: skip
from . import crm_expense_payout  # isort: skip
from . import (
    account_move,
    account_payment,
    calendar_event,
    crm_expense_analysis,
    crm_lead,
    hr_expense,
    res_company,
    res_config_settings,
    sale_order,
    tier_definition,
    utm_campaign,
)
