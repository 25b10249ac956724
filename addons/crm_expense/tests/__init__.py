from . import test_crm_expense_flow
from . import test_crm_expense_analysis
from . import test_crm_expense_rules
from . import test_crm_expense_access
