from . import crm_expense_analysis_xlsx
