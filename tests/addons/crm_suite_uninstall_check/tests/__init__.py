from . import test_screens
