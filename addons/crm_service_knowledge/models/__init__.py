from . import crm_knowledge_article, helpdesk_ticket
