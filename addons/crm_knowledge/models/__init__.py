from . import (
    crm_knowledge_article,
    crm_knowledge_category,
    crm_knowledge_feedback,
    crm_knowledge_query,
)
