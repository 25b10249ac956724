from . import crm_expense_advance, crm_expense_analysis_export
