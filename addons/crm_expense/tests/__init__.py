from . import (
    test_crm_expense_access,
    test_crm_expense_analysis,
    test_crm_expense_flow,
    test_crm_expense_periods,
    test_crm_expense_rules,
    test_crm_expense_ui,
)
