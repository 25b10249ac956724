from . import (  # isort: skip
    crm_campaign_type_stage,
    crm_campaign_type,
    utm_campaign,
    crm_campaign_task,
    crm_campaign_cost,
    crm_campaign_member,
    crm_campaign_member_send,
    crm_campaign_analysis,
    mail_mail,
    mail_thread,
    sms_sms,
)
