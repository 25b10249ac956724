# isort: skip_file
# The report first, then its sections (the same model, split by concern), then
# its lines.
from . import crm_work_report
from . import crm_work_report_sections
from . import crm_work_report_line
