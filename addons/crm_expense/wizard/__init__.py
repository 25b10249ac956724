from . import crm_expense_advance
from . import crm_expense_analysis_export
