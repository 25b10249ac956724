from . import crm_handover, crm_handover_line, crm_handover_move
