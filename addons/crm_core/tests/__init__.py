from . import test_access_matrix, test_customer_ui, test_groups
