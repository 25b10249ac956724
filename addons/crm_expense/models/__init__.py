"""crm_expense: expense requests and payouts of any business document.

The mixin ``crm.expense.document`` comes first: the documents below inherit it,
and the request and payout point at documents by model name and id."""

from . import crm_expense_document, crm_expense_entry  # isort: skip
from . import (
    account_move,
    account_payment,
    calendar_event,
    crm_expense_analysis,
    crm_expense_payout,
    crm_expense_request,
    crm_lead,
    hr_expense,
    res_company,
    res_config_settings,
    sale_order,
    tier_definition,
    utm_campaign,
)
