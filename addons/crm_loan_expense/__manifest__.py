{
    "name": "CRM Loan Expenses",
    "summary": "Loans carry expense requests; a gift of loaned goods records its cost as one",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-suite/crm-suite",
    "author": "CRM Suite",
    "license": "AGPL-3",
    "depends": ["crm_loan", "crm_expense"],
    "data": [
        "data/crm_loan_expense_data.xml",
        "views/crm_loan_views.xml",
    ],
    "installable": True,
    "auto_install": True,
}
