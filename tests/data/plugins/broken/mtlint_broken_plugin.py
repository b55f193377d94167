"""A plug-in whose import fails, as a plug-in with a missing dependency would."""
import a_module_that_does_not_exist  # noqa: F401
