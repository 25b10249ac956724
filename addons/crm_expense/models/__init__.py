"""crm_expense: expense requests and payouts of any business document.

The mixin ``crm.expense.document`` comes first: the documents below inherit it,
and the request and payout point at documents by model name and id."""

from . import crm_expense_document
from . import crm_expense_request
from . import crm_expense_payout
from . import crm_expense_analysis
from . import account_move
from . import account_payment
from . import calendar_event
from . import crm_lead
from . import hr_expense
from . import res_company
from . import res_config_settings
from . import sale_order
from . import tier_definition
from . import utm_campaign
