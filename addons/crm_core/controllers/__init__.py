from . import campaign, main, portal
