from . import (
    test_knowledge_abuse,
    test_knowledge_access,
    test_knowledge_category,
    test_knowledge_classify,
    test_knowledge_http,
    test_knowledge_lists,
    test_knowledge_query_log,
    test_knowledge_search,
    test_knowledge_tours,
)
