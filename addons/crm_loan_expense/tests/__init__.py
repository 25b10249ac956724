from . import test_crm_loan_expense
