# isort: skip_file
# crm.reminder.delivery (the channels) comes first: the rules and the free
# reminders deliver through it.
from . import crm_reminder_delivery
from . import base_automation
from . import crm_holiday
from . import crm_reminder
from . import mail_activity_type
from . import res_partner
from . import res_users
