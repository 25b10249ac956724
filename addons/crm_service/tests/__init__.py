from . import (
    test_service_access,
    test_service_hooks,
    test_service_opinion,
    test_service_order,
    test_service_parts,
    test_service_parts_ui,
    test_service_request,
    test_service_settlement,
    test_service_sla,
    test_service_sla_queries,
    test_service_ui,
    test_service_visit,
)
