from . import (
    test_access_matrix,
    test_customer_profile,
    test_customer_profile_ui,
    test_customer_ui,
    test_duplicate_guard,
    test_groups,
    test_handover,
    test_handover_ui,
    test_partner_relation,
    test_relation_graph_ui,
)
