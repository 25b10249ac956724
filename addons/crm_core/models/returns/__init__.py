from . import (
    crm_return_request,
    crm_return_request_execute,
    crm_return_request_line,
    sale_order,
)
