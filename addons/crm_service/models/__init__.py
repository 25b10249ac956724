from . import (
    crm_handover,
    crm_service_order,
    crm_service_order_check,
    crm_service_order_technician,
    crm_service_request_type,
    crm_service_sla,
    crm_service_transfer,
    helpdesk_ticket,
    helpdesk_ticket_sla,
    helpdesk_ticket_stage,
    helpdesk_ticket_team,
    res_partner,
)
