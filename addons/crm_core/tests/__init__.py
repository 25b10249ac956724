from . import (
    test_access_matrix,
    test_customer_timeline,
    test_customer_timeline_ui,
    test_customer_ui,
    test_groups,
    test_partner_relation,
    test_relation_graph_ui,
    test_rfm,
)
