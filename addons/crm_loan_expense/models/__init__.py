from . import crm_loan, crm_loan_conversion
