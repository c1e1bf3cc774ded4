# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast
import inspect
import textwrap

from odoo.tests import tagged

from .common import RecruitmentCase

MODULE = "hr_relationship_recruitment"


@tagged("post_install", "-at_install")
class TestGuardedFields(RecruitmentCase):
    """Recruitment's models carry the relationship data behind its groups."""

    def test_every_guarded_field_has_groups(self):
        for model in ("hr.applicant", "hr.candidate"):
            Model = self.env[model]
            ours = [
                name
                for name, field in Model._fields.items()
                if MODULE in (field._modules or ())
            ]
            self.assertTrue(ours, model)
            for name in ours:
                with self.subTest(model=model, field=name):
                    self.assertTrue(Model._fields[name].groups)
                    self.assertIn(name, Model._hr_guarded_fields())


@tagged("post_install", "-at_install")
class TestAdministratorAndActions(RecruitmentCase):
    def test_every_public_action_returns_a_value(self):
        """Read from the source: XML-RPC cannot send None back."""
        checked = 0
        for model_name in self.env.registry:
            for cls in type(self.env[model_name]).mro():
                if not cls.__module__.startswith(f"odoo.addons.{MODULE}."):
                    continue
                for name, function in vars(cls).items():
                    if not (name.startswith("action_") and callable(function)):
                        continue
                    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
                    returns = [
                        node
                        for node in ast.walk(tree)
                        if isinstance(node, ast.Return) and node.value is not None
                    ]
                    with self.subTest(model=model_name, method=name):
                        self.assertTrue(returns, f"{name} returns nothing")
                    checked += 1
        self.assertGreater(checked, 5)
