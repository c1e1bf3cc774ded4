# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2

from odoo.models import Constraint
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger, sql

# The constraints of the core on Odoo 18.0 (``_sql_constraints``), by table:
# a database upgraded from 18.0 keeps them only if 19.0 names them alike.
CONSTRAINTS_OF_18_0 = {
    "hr_internal_client": ["name_company_uniq"],
    "hr_project_stakeholder": ["project_stakeholder_uniq"],
    "hr_project_stakeholder_snapshot": ["position_month_uniq"],
    "hr_project_support_snapshot": ["project_month_uniq"],
    "hr_relationship_health_snapshot": ["one_relationship", "scores_range"],
    "hr_relationship_portfolio": ["user_company_uniq"],
    "hr_relationship_portfolio_snapshot": ["portfolio_month_uniq"],
    "hr_relationship_service": ["name_uniq"],
    "hr_relationship_topic": ["name_uniq"],
    "hr_satisfaction_result": [
        "counts_positive",
        "percentages_range",
        "mean_satisfaction_range",
        "nps_range",
    ],
    "hr_satisfaction_service_result": ["means_range"],
    "hr_stakeholder_profile": ["stakeholder_uniq"],
}


@tagged("post_install", "-at_install")
class TestTableConstraints(TransactionCase):
    def _our_constraints(self):
        """(model, constraint) of every table constraint our modules declare."""
        for model in self.env.values():
            if model._abstract or not model._auto:
                continue
            for constraint in model._table_objects.values():
                if isinstance(constraint, Constraint) and constraint._module.startswith(
                    "hr_relationship"
                ):
                    yield model, constraint

    def test_declared_constraints_are_in_the_database(self):
        """19.0 ignores ``_sql_constraints``: each rule is a Constraint, and
        the database holds it as declared."""
        found = list(self._our_constraints())
        self.assertGreaterEqual(
            len(found), sum(len(names) for names in CONSTRAINTS_OF_18_0.values())
        )
        for model, constraint in found:
            name = constraint.full_name(model)
            with self.subTest(constraint=name):
                self.assertEqual(
                    sql.constraint_definition(self.env.cr, model._table, name),
                    constraint.get_definition(self.registry),
                )

    def test_constraints_keep_their_18_0_names(self):
        """The names are those of 18.0, so that an upgraded database keeps its
        constraints instead of gaining a second copy under a new name."""
        declared = {
            (model._table, constraint.name)
            for model, constraint in self._our_constraints()
        }
        for table, names in CONSTRAINTS_OF_18_0.items():
            for name in names:
                with self.subTest(constraint=f"{table}_{name}"):
                    self.assertIn((table, name), declared)

    def test_duplicates_refused_with_the_rule_in_words(self):
        """A second record under a unique rule is refused, and the person
        reads the rule's own sentence."""
        company = self.env.company
        cases = [
            ("hr.relationship.topic", {"name": "Verzuim dup"}),
            ("hr.relationship.service", {"name": "Onboarding dup"}),
            ("hr.internal.client", {"name": "Finance dup", "company_id": company.id}),
        ]
        for model_name, values in cases:
            Model = self.env[model_name]
            with self.subTest(model=model_name):
                Model.create(values)
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(psycopg2.errors.UniqueViolation) as caught,
                    self.env.cr.savepoint(),
                ):
                    Model.create(values)
                    Model.flush_model()
                self.assertIn(
                    "already exists", Model._sql_error_to_message(caught.exception)
                )
