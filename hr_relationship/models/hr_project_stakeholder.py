# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_round

ATTITUDES = [
    ("champion", "Champion"),
    ("supporter", "Supporter"),
    ("neutral", "Neutral"),
    ("sceptic", "Sceptic"),
    ("blocker", "Blocker"),
]
# Support counted by the support index: for (+1), neutral (0), against (-1).
ATTITUDE_SUPPORT = {
    "champion": 1,
    "supporter": 1,
    "neutral": 0,
    "sceptic": -1,
    "blocker": -1,
}
# Higher is better, to tell who is below their target.
ATTITUDE_RANK = {
    "champion": 5,
    "supporter": 4,
    "neutral": 3,
    "sceptic": 2,
    "blocker": 1,
}
POSITION_SCALE = (1, 5)


def link_search(positions_field, target_field, operator, value):
    """Domain for a search on a computed link that goes through positions.

    ``link = False`` means "no position at all", which a dotted path cannot
    say (it would ask for a position without a target)."""
    if operator in ("=", "!=") and value is False:
        return [(positions_field, operator, False)]
    return [(f"{positions_field}.{target_field}", operator, value)]


def sync_positions(records, links_fname, positions_fname, own_fname, other_fname):
    """Add and remove positions of ``records`` (stakeholders or projects) so
    that they match the plain link field ``links_fname``."""
    obsolete = records.env["hr.project.stakeholder"]
    new_positions = []
    for record in records:
        positions = record[positions_fname]
        linked = record[links_fname]
        obsolete |= positions.filtered(lambda p, ln=linked: p[other_fname] not in ln)
        new_positions += [
            {own_fname: record.id, other_fname: other.id}
            for other in linked - positions[other_fname]
        ]
    obsolete.unlink()
    obsolete.create(new_positions)


def support_index(weights):
    """Influence-weighted share of support minus opposition, -100 to 100.

    ``weights`` maps an attitude to the total influence holding it."""
    total = sum(weights.values())
    if not total:
        return 0.0
    balance = sum(ATTITUDE_SUPPORT[att] * weight for att, weight in weights.items())
    return float_round(100.0 * balance / total, precision_digits=1)


class HrProjectStakeholder(models.Model):
    """Where one stakeholder stands on one HR project: the attitude they had
    when HR added them, the one they have now and the one HR needs, with
    their influence and interest on this project and the next engagement
    step as an activity."""

    _name = "hr.project.stakeholder"
    _description = "Stakeholder Position on an HR Project"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "project_id, influence desc, id"
    _rec_names_search = ["stakeholder_id", "project_id"]

    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    stakeholder_id = fields.Many2one(
        "hr.stakeholder",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    # The stakeholder's company once chosen; before that the project's, else
    # the current one: check_company's domain on stakeholder_id and project_id
    # reads this field, so an empty company would offer only records without
    # one (and every stakeholder has one).
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        precompute=True,
    )
    attitude = fields.Selection(
        ATTITUDES,
        string="Current Attitude",
        compute="_compute_from_stakeholder",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Where the person stands on this project now; starts from their "
        "general attitude.",
    )
    initial_attitude = fields.Selection(
        ATTITUDES,
        readonly=True,
        copy=False,
        help="Where the person stood when HR added them to the project; fixed.",
    )
    target_attitude = fields.Selection(
        ATTITUDES,
        tracking=True,
        help="Where HR needs the person to be for this project.",
    )
    influence = fields.Integer(
        compute="_compute_from_stakeholder",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        aggregator="avg",
        help="Power over this project, from 1 to 5; starts from the "
        "stakeholder's general influence.",
    )
    interest = fields.Integer(
        compute="_compute_from_stakeholder",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        aggregator="avg",
        help="Interest in this project, from 1 to 5; starts from the "
        "stakeholder's general interest.",
    )
    is_below_target = fields.Boolean(
        string="Below Target",
        compute="_compute_is_below_target",
        store=True,
        help="HR needs this person to be more supportive than they are now.",
    )
    owner_id = fields.Many2one(related="stakeholder_id.owner_id")
    relation_type = fields.Selection(related="stakeholder_id.relation_type")
    snapshot_ids = fields.One2many(
        "hr.project.stakeholder.snapshot",
        "project_stakeholder_id",
        string="History",
    )

    _project_stakeholder_uniq = models.Constraint(
        "UNIQUE(project_id, stakeholder_id)",
        "A stakeholder has one position per project.",
    )

    @api.depends("stakeholder_id.company_id", "project_id.company_id")
    def _compute_company_id(self):
        for position in self:
            position.company_id = (
                position.stakeholder_id.company_id
                or position.project_id.company_id
                or self.env.company
            )

    @api.depends("stakeholder_id")
    def _compute_from_stakeholder(self):
        # Only when the person is chosen: later changes of their general
        # attitude or scores do not overwrite the position on this project.
        for position in self:
            stakeholder = position.stakeholder_id
            position.attitude = stakeholder.attitude or "neutral"
            position.influence = stakeholder.influence or 2
            position.interest = stakeholder.interest or 2

    @api.depends("attitude", "target_attitude")
    def _compute_is_below_target(self):
        for position in self:
            position.is_below_target = bool(
                position.target_attitude
                and ATTITUDE_RANK[position.target_attitude]
                > ATTITUDE_RANK.get(position.attitude, 0)
            )

    @api.depends("stakeholder_id", "project_id")
    def _compute_display_name(self):
        for position in self:
            position.display_name = " - ".join(
                name
                for name in (
                    position.stakeholder_id.display_name,
                    position.project_id.display_name,
                )
                if name
            )

    @api.constrains("influence", "interest")
    def _check_scale(self):
        low, high = POSITION_SCALE
        for position in self:
            for fname in ("influence", "interest"):
                if not low <= position[fname] <= high:
                    raise ValidationError(
                        self.env._(
                            "The %(field)s of %(name)s on this project must be "
                            "between %(low)s and %(high)s, not %(value)s.",
                            field=self._fields[fname].get_description(self.env)[
                                "string"
                            ],
                            name=position.stakeholder_id.display_name,
                            low=low,
                            high=high,
                            value=position[fname],
                        )
                    )

    @api.model
    def _check_attitude_values(self, vals):
        """A clear error for an attitude that is not on the scale, before
        anything is written (the ORM would only say "wrong value")."""
        allowed = dict(ATTITUDES)
        for fname in ("attitude", "initial_attitude", "target_attitude"):
            value = vals.get(fname)
            if value and value not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(value)s is not an attitude: use one of %(allowed)s.",
                        value=value,
                        allowed=", ".join(allowed),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_attitude_values(vals)
        positions = super().create(vals_list)
        # The starting point is whatever the position began with, given or
        # taken from the stakeholder.
        for position in positions:
            if not position.initial_attitude:
                position.initial_attitude = position.attitude
        return positions

    def write(self, vals):
        self._check_attitude_values(vals)
        if "initial_attitude" in vals and any(
            position.initial_attitude
            and position.initial_attitude != vals["initial_attitude"]
            for position in self
        ):
            raise UserError(
                self.env._(
                    "The initial attitude records where a person stood when "
                    "they were added to the project; it cannot be changed."
                )
            )
        return super().write(vals)
