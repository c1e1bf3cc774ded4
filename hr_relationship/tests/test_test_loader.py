# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import inspect

from odoo.tests import TransactionCase, case, loader, tagged


@tagged("post_install", "-at_install")
class TestTestLoader(TransactionCase):
    def test_no_inherited_test_is_dropped(self):
        """Odoo 19 loads only the test methods a class defines itself, unless
        it says ``allow_inherited_tests_method``: a bridge's test class that
        inherits the core's checks would otherwise run none of them, and
        pass."""
        modules = (
            self.env["ir.module.module"]
            .search(
                [("name", "=like", "hr_relationship%"), ("state", "=", "installed")]
            )
            .mapped("name")
        )
        self.assertIn("hr_relationship", modules)
        dropped = []
        for module in modules:
            for test_module in loader.get_test_modules(module):
                loaded = {
                    (type(test).__qualname__, test._testMethodName)
                    for test in loader.get_module_test_cases(test_module)
                }
                for test_class in vars(test_module).values():
                    if not (
                        inspect.isclass(test_class)
                        and issubclass(test_class, case.TestCase)
                        and test_class.__module__ == test_module.__name__
                    ):
                        continue
                    dropped += [
                        f"{test_module.__name__}.{test_class.__qualname__}.{name}"
                        for name, _member in inspect.getmembers(test_class, callable)
                        if name.startswith("test")
                        and (test_class.__qualname__, name) not in loaded
                    ]
        self.assertFalse(dropped, "Tests the loader leaves out:\n" + "\n".join(dropped))
