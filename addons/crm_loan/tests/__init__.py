from . import (
    test_crm_loan_abuse,
    test_crm_loan_access,
    test_crm_loan_alert,
    test_crm_loan_alert_queries,
    test_crm_loan_concurrency,
    test_crm_loan_flow,
    test_crm_loan_hooks,
    test_crm_loan_portal,
    test_crm_loan_ui,
)
