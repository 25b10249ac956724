from . import crm_return_request, crm_return_request_line
