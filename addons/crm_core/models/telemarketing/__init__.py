from . import crm_call_list, crm_call_list_entry, crm_call_stat, crm_phonecall
