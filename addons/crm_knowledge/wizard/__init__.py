from . import crm_knowledge_search, crm_knowledge_search_line
