from . import (
    test_access_matrix,
    test_customer_ui,
    test_groups,
    test_partner_relation,
    test_pool,
    test_pool_access,
    test_pool_concurrency,
    test_pool_recall,
    test_pool_ui,
    test_relation_graph_ui,
)
