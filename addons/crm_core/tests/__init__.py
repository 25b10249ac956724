from . import (
    test_access_matrix,
    test_customer_ui,
    test_groups,
    test_handover,
    test_handover_ui,
    test_partner_relation,
    test_relation_graph_ui,
)
