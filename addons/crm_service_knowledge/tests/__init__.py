from . import test_service_knowledge, test_service_knowledge_ui
