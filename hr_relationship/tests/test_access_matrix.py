# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import closing
from xmlrpc.client import Fault

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import (
    BUSINESS_PARTNER_GROUP,
    RPC_ACCESS_ERROR,
    HrRelationshipCase,
    RpcCase,
)

# xmlrpc's fault code of a UserError (a warning to the user).
RPC_USER_ERROR = 2
ROLES = {
    "E": "plain employee",
    "U": "user",
    "B": "HR business partner",
    "M": "administrator",
}
# Who may do what: (model, record) -> operation -> the roles (letters of ROLES)
# that are allowed. Records ending in "_b" belong to another company, in which
# no test user works. "create" creates a record of the role's own company,
# "create_b" one of the other company.
MATRIX = {
    # Internal clients: written by their HR partner (user or business partner).
    ("hr.internal.client", "c_user"): {"read": "UBM", "write": "UM", "unlink": "UM"},
    ("hr.internal.client", "c_bp"): {"read": "UBM", "write": "BM", "unlink": "BM"},
    ("hr.internal.client", "c_other"): {"read": "UBM", "write": "M", "unlink": "M"},
    ("hr.internal.client", "c_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.internal.client", None): {"create": "UBM", "create_b": ""},
    # Stakeholders: the owner, the business partner of one of their clients.
    ("hr.stakeholder", "s_user"): {"read": "UBM", "write": "UM", "unlink": "UM"},
    ("hr.stakeholder", "s_bp"): {"read": "UBM", "write": "BM", "unlink": "BM"},
    ("hr.stakeholder", "s_other"): {"read": "UBM", "write": "M", "unlink": "M"},
    ("hr.stakeholder", "s_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.stakeholder", None): {"create": "UBM", "create_b": ""},
    # Profiles: the same people, but not even readable by the others.
    ("hr.stakeholder.profile", "p_user"): {"read": "UM", "write": "UM", "unlink": "UM"},
    ("hr.stakeholder.profile", "p_bp"): {"read": "BM", "write": "BM", "unlink": "BM"},
    ("hr.stakeholder.profile", "p_other"): {"read": "M", "write": "M", "unlink": "M"},
    ("hr.stakeholder.profile", "p_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.stakeholder.profile", None): {"create": "UBM"},
    # Interactions: everyone logs, the one who logged changes.
    ("hr.relationship.interaction", "i_user"): {
        "read": "UBM",
        "write": "UM",
        "unlink": "UM",
    },
    ("hr.relationship.interaction", "i_bp"): {
        "read": "UBM",
        "write": "BM",
        "unlink": "BM",
    },
    ("hr.relationship.interaction", "i_other"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.relationship.interaction", "i_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.relationship.interaction", None): {"create": "UBM", "create_b": ""},
    # Campaigns: run by the business partner of every client in them.
    ("hr.satisfaction.survey", "k_user"): {"read": "UBM", "write": "M", "unlink": "M"},
    ("hr.satisfaction.survey", "k_bp"): {"read": "UBM", "write": "BM", "unlink": "BM"},
    ("hr.satisfaction.survey", "k_mixed"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.satisfaction.survey", "k_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.satisfaction.survey", None): {
        "create": "BM",
        "create_foreign": "M",
        "create_b": "",
    },
    # Results: aggregates for users, per stakeholder for the client's partner.
    ("hr.satisfaction.result", "r_campaign"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.satisfaction.result", "r_client"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.satisfaction.result", "r_s_bp"): {"read": "BM", "write": "M", "unlink": "M"},
    ("hr.satisfaction.result", "r_s_other"): {
        "read": "M",
        "write": "M",
        "unlink": "M",
    },
    ("hr.satisfaction.result", "r_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.satisfaction.result", None): {"create": "M", "create_b": ""},
    ("hr.satisfaction.service.result", "sr"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.satisfaction.service.result", "sr_b"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.satisfaction.service.result", None): {"create": "M", "create_b": ""},
    # Themes of the open answers: read like the aggregate results.
    ("hr.satisfaction.theme", "th"): {"read": "UBM", "write": "M", "unlink": "M"},
    ("hr.satisfaction.theme", "th_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.satisfaction.theme", None): {"create": "M", "create_b": ""},
    # Configuration.
    # Every employee reads the HR services: a client lead sees those agreed.
    ("hr.relationship.service", "svc"): {"read": "EUBM", "write": "M", "unlink": "M"},
    ("hr.relationship.service", None): {"create": "M"},
    # Health history is written by the system only. A stakeholder's snapshot
    # holds that person's latest answers: it is read like their results.
    ("hr.relationship.health.snapshot", "snap_client"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.relationship.health.snapshot", "snap_bp"): {
        "read": "BM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.relationship.health.snapshot", "snap"): {
        "read": "M",
        "write": "M",
        "unlink": "M",
    },
    ("hr.relationship.health.snapshot", "snap_b"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.health.snapshot", None): {"create": "M", "create_b": ""},
    # The anonymisation log is written by the system only, and never changed.
    ("hr.relationship.retention.log", "log"): {"read": "M", "write": "", "unlink": ""},
    ("hr.relationship.retention.log", "log_b"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.retention.log", None): {"create": "", "create_b": ""},
    # Where the daily jobs stand: theirs alone, administrators may look.
    ("hr.relationship.job.progress", "job"): {"read": "M", "write": "", "unlink": ""},
    ("hr.relationship.job.progress", None): {"create": ""},
    # Positions on projects: like their stakeholder (or the project manager).
    ("hr.project.stakeholder", "pos_user"): {
        "read": "UBM",
        "write": "UM",
        "unlink": "UM",
    },
    ("hr.project.stakeholder", "pos_bp"): {
        "read": "UBM",
        "write": "BM",
        "unlink": "BM",
    },
    ("hr.project.stakeholder", "pos_other"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.project.stakeholder", "pos_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.project.stakeholder", None): {"create": "UM", "create_b": ""},
    # Their history and the projects' are written by the system only.
    ("hr.project.stakeholder.snapshot", "pos_snap"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.project.stakeholder.snapshot", "pos_snap_b"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.project.stakeholder.snapshot", None): {"create": "M", "create_b": ""},
    ("hr.project.support.snapshot", "sup_snap"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.project.support.snapshot", "sup_snap_b"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.project.support.snapshot", None): {"create": "M", "create_b": ""},
    # Relations between persons: everyone records, who recorded changes;
    # seen from one side they follow the relation.
    ("hr.relationship.type", "rtype"): {"read": "UBM", "write": "M", "unlink": "M"},
    ("hr.relationship.type", None): {"create": "M"},
    ("hr.person.relation", "rel_user"): {"read": "UBM", "write": "UM", "unlink": "UM"},
    ("hr.person.relation", "rel_bp"): {"read": "UBM", "write": "BM", "unlink": "BM"},
    ("hr.person.relation", "rel_other"): {"read": "UBM", "write": "M", "unlink": "M"},
    ("hr.person.relation", "rel_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.person.relation", None): {"create": "UBM", "create_b": ""},
    ("hr.person.relation.side", "side_user"): {
        "read": "UBM",
        "write": "UM",
        "unlink": "UM",
    },
    ("hr.person.relation.side", "side_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.person.relation.side", None): {"create": "UBM"},
    # Concerns: like interactions, everyone logs, the owner changes.
    ("hr.relationship.concern", "q_user"): {
        "read": "UBM",
        "write": "UM",
        "unlink": "UM",
    },
    ("hr.relationship.concern", "q_bp"): {"read": "UBM", "write": "BM", "unlink": "BM"},
    ("hr.relationship.concern", "q_other"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.relationship.concern", "q_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.relationship.concern", None): {"create": "UBM", "create_b": ""},
    # Commitments: like concerns, and the business partner changes those
    # made to their clients whoever owns them.
    ("hr.relationship.commitment", "m_user"): {
        "read": "UBM",
        "write": "UM",
        "unlink": "UM",
    },
    ("hr.relationship.commitment", "m_bp"): {
        "read": "UBM",
        "write": "BM",
        "unlink": "BM",
    },
    ("hr.relationship.commitment", "m_bp_client"): {
        "read": "UBM",
        "write": "BM",
        "unlink": "BM",
    },
    ("hr.relationship.commitment", "m_other"): {
        "read": "UBM",
        "write": "M",
        "unlink": "M",
    },
    ("hr.relationship.commitment", "m_b"): {"read": "", "write": "", "unlink": ""},
    # Promised to a stakeholder alone, no client: the business partner of one
    # of the stakeholder's clients changes it; another company sees nothing.
    ("hr.relationship.commitment", "m_bp_stakeholder"): {
        "read": "UBM",
        "write": "BM",
        "unlink": "BM",
    },
    ("hr.relationship.commitment", "m_b_stakeholder"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.commitment", None): {"create": "UBM", "create_b": ""},
    # Topics: tags anyone with a role adds to.
    ("hr.relationship.topic", "topic"): {"read": "UBM", "write": "UBM", "unlink": "M"},
    ("hr.relationship.topic", None): {"create": "UBM"},
    # Portfolios are written by the network refresh only: one's own, those
    # one coaches as business partner, all for administrators.
    ("hr.relationship.portfolio", "pf_user"): {"read": "UM", "write": "", "unlink": ""},
    ("hr.relationship.portfolio", "pf_coached"): {
        "read": "BM",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.portfolio", "pf_b"): {"read": "", "write": "", "unlink": ""},
    ("hr.relationship.portfolio", None): {"create": ""},
    ("hr.relationship.portfolio.snapshot", "pfs_user"): {
        "read": "UM",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.portfolio.snapshot", "pfs_coached"): {
        "read": "BM",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.portfolio.snapshot", "pfs_b"): {
        "read": "",
        "write": "",
        "unlink": "",
    },
    ("hr.relationship.portfolio.snapshot", None): {"create": ""},
}
MATRIX.update(
    {
        # "My HR partnership": only the lead reads their client's row, whatever
        # their role; nobody writes through it.
        ("hr.internal.client.partnership", "pship_lead"): {
            "read": "E",
            "write": "",
            "unlink": "",
        },
        ("hr.internal.client.partnership", "pship_other"): {
            "read": "",
            "write": "",
            "unlink": "",
        },
        ("hr.internal.client.partnership", None): {"create": ""},
    }
)
# Models every employee has read rights on (their records' rules decide).
EMPLOYEE_MODELS = {"hr.relationship.service", "hr.internal.client.partnership"}
# Models that only administrators have any access rights on.
ADMIN_ONLY_MODELS = {"hr.relationship.retention.log", "hr.relationship.job.progress"}
WRITE_VALUES = {
    "hr.internal.client": {"needs": "<p>Matrix</p>"},
    "hr.stakeholder": {"interest": 2},
    "hr.stakeholder.profile": {"motivators": "Matrix"},
    "hr.relationship.interaction": {"summary": "<p>Matrix</p>"},
    "hr.satisfaction.survey": {"name": "Matrix"},
    "hr.satisfaction.result": {"nps": 12.0},
    "hr.satisfaction.service.result": {"gap": 0.5},
    "hr.satisfaction.theme": {"answer_count": 3},
    "hr.relationship.service": {"description": "Matrix"},
    "hr.internal.client.partnership": {"name": "Matrix"},
    "hr.relationship.health.snapshot": {"health_score": 42.0},
    "hr.relationship.portfolio": {"key_person_count": 0},
    "hr.relationship.portfolio.snapshot": {"coverage": 1.0},
    "hr.relationship.concern": {"deadline": "2026-03-01"},
    "hr.relationship.commitment": {"date_due": "2026-03-01"},
    "hr.relationship.topic": {"color": 3},
    "hr.relationship.retention.log": {"reason": "request"},
    "hr.relationship.job.progress": {"last_id": 1},
    "hr.project.stakeholder": {"target_attitude": "champion"},
    "hr.project.stakeholder.snapshot": {"interest": 3},
    "hr.project.support.snapshot": {"support_index": 12.0},
    "hr.relationship.type": {"name_inverse": "Matrix of"},
    "hr.person.relation": {"note": "Matrix"},
    "hr.person.relation.side": {"note": "Matrix"},
}


class AccessMatrixMixin:
    """Builds one record per cell target; the cells themselves run each
    operation inside a savepoint that is always rolled back."""

    @classmethod
    def _setup_matrix(cls):
        env = cls.env
        cls.company_b = env["res.company"].create({"name": "HRR Matrix Company B"})
        cls.bp = cls._new_user("hrr_bpartner", BUSINESS_PARTNER_GROUP)
        cls.role_users = {
            "E": cls.internal_user,
            "U": cls.user,
            "B": cls.bp,
            "M": cls.manager,
        }
        Client = env["hr.internal.client"]
        Stakeholder = env["hr.stakeholder"]
        Employee = env["hr.employee"]
        c_bp = Client.create(
            {
                "name": "HRR BP Client",
                "company_id": cls.company.id,
                "hr_partner_id": cls.bp.id,
            }
        )
        c_b = Client.create(
            {
                "name": "HRR Branch",
                "company_id": cls.company_b.id,
                "hr_partner_id": cls.bp.id,
            }
        )
        emp_carl = Employee.create(
            {"name": "Carl Client", "company_id": cls.company.id}
        )
        emp_b = Employee.create({"name": "Bea Branch", "company_id": cls.company_b.id})
        s_bp = Stakeholder.create(
            {
                "employee_id": emp_carl.id,
                "company_id": cls.company.id,
                "owner_id": cls.other_user.id,
                "internal_client_ids": [Command.link(c_bp.id)],
            }
        )
        s_b = Stakeholder.create(
            {
                "employee_id": emp_b.id,
                "company_id": cls.company_b.id,
                "owner_id": cls.bp.id,
                "internal_client_ids": [Command.link(c_b.id)],
            }
        )
        stakeholders = cls.sh_anna | s_bp | cls.sh_bob | s_b
        for stakeholder in stakeholders:
            stakeholder.personal_interests = "Chess"
        Profile = env["hr.stakeholder.profile"]
        profiles = {
            s.id: Profile.search([("stakeholder_id", "=", s.id)]) for s in stakeholders
        }

        def interaction(stakeholder, user, company):
            return cls._interaction(stakeholder, user_id=user.id, company_id=company.id)

        Campaign = env["hr.satisfaction.survey"]

        def campaign(clients, user, company):
            return Campaign.create(
                {
                    "name": "HRR Matrix",
                    "company_id": company.id,
                    "user_id": user.id,
                    "internal_client_ids": [Command.set(clients.ids)],
                }
            )

        k_bp = campaign(c_bp, cls.bp, cls.company)
        k_mixed = campaign(c_bp | cls.client_ops, cls.bp, cls.company)
        k_b = campaign(c_b, cls.bp, cls.company_b)
        Result = env["hr.satisfaction.result"]

        def result(campaign, scope, client=None, stakeholder=None):
            return Result.create(
                {
                    "campaign_id": campaign.id,
                    "company_id": campaign.company_id.id,
                    "date": "2026-01-15",
                    "scope": scope,
                    "internal_client_id": client.id if client else False,
                    "stakeholder_id": stakeholder.id if stakeholder else False,
                }
            )

        r_campaign = result(k_bp, "campaign")
        r_b = result(k_b, "campaign")
        # A service of its own: the template's questions keep theirs.
        cls.service = env["hr.relationship.service"].create({"name": "HRR Coaching"})
        ServiceResult = env["hr.satisfaction.service.result"]

        def service_result(result):
            return ServiceResult.create(
                {
                    "result_id": result.id,
                    "campaign_id": result.campaign_id.id,
                    "company_id": result.company_id.id,
                    "service_id": cls.service.id,
                    "scope": "campaign",
                }
            )

        Theme = env["hr.satisfaction.theme"]

        def theme(campaign):
            return Theme.create(
                {
                    "campaign_id": campaign.id,
                    "company_id": campaign.company_id.id,
                    "date": "2026-01-15",
                    "scope": "campaign",
                    "theme": "workload",
                    "answer_count": 6,
                }
            )

        Snapshot = env["hr.relationship.health.snapshot"]

        def snapshot(stakeholder=None, client=None):
            target = stakeholder or client
            return Snapshot.create(
                {
                    "stakeholder_id": stakeholder.id if stakeholder else False,
                    "internal_client_id": client.id if client else False,
                    "company_id": target.company_id.id,
                    "month": "2020-01-01",
                    "latest_satisfaction_index": 80.0,
                    "latest_nps": 100.0,
                }
            )

        def retention_log(stakeholder):
            return env["hr.relationship.retention.log"].create(
                {
                    "stakeholder_ref": stakeholder.id,
                    "relation_type": stakeholder.relation_type,
                    "reason": "candidate_no_consent",
                    "company_id": stakeholder.company_id.id,
                }
            )

        def concern(client, user):
            return env["hr.relationship.concern"].create(
                {
                    "name": "HRR Matrix",
                    "company_id": client.company_id.id,
                    "internal_client_id": client.id,
                    "user_id": user.id,
                }
            )

        def commitment(client, user, stakeholder=None):
            return env["hr.relationship.commitment"].create(
                {
                    "name": "HRR Matrix",
                    "company_id": (client or stakeholder).company_id.id,
                    "internal_client_id": client.id if client else False,
                    "stakeholder_id": stakeholder.id if stakeholder else False,
                    "user_id": user.id,
                }
            )

        Portfolio = env["hr.relationship.portfolio"]
        coach = Employee.create(
            {"name": "Coach", "company_id": cls.company.id, "user_id": cls.bp.id}
        )
        coachee = Employee.create(
            {
                "name": "Coachee",
                "company_id": cls.company.id,
                "user_id": cls.other_user.id,
                "coach_id": coach.id,
            }
        )

        def portfolio(user, company, employee=None):
            return Portfolio.create(
                {
                    "user_id": user.id,
                    "company_id": company.id,
                    "employee_id": employee.id if employee else False,
                }
            )

        portfolios = {
            "pf_user": portfolio(cls.user, cls.company),
            "pf_coached": portfolio(cls.other_user, cls.company, coachee),
            "pf_b": portfolio(cls.bp, cls.company_b),
        }
        PortfolioSnapshot = env["hr.relationship.portfolio.snapshot"]
        cls.targets = {
            **portfolios,
            **{
                f"pfs_{key[3:]}": PortfolioSnapshot.create(
                    {"portfolio_id": record.id, "month": "2026-01-01"}
                )
                for key, record in portfolios.items()
            },
            "c_user": cls.client_sales,
            "c_bp": c_bp,
            "c_other": cls.client_ops,
            "c_b": c_b,
            "s_user": cls.sh_anna,
            "s_bp": s_bp,
            "s_other": cls.sh_bob,
            "s_b": s_b,
            "p_user": profiles[cls.sh_anna.id],
            "p_bp": profiles[s_bp.id],
            "p_other": profiles[cls.sh_bob.id],
            "p_b": profiles[s_b.id],
            "i_user": interaction(cls.sh_anna, cls.user, cls.company),
            "i_bp": interaction(s_bp, cls.bp, cls.company),
            "i_other": interaction(cls.sh_bob, cls.other_user, cls.company),
            "i_b": interaction(s_b, cls.bp, cls.company_b),
            "k_user": campaign(cls.client_sales, cls.user, cls.company),
            "k_bp": k_bp,
            "k_mixed": k_mixed,
            "k_b": k_b,
            "r_campaign": r_campaign,
            "r_client": result(k_bp, "internal_client", client=c_bp),
            "r_s_bp": result(k_bp, "stakeholder", stakeholder=s_bp),
            "r_s_other": result(k_mixed, "stakeholder", stakeholder=cls.sh_bob),
            "r_b": r_b,
            "sr": service_result(r_campaign),
            "sr_b": service_result(r_b),
            "th": theme(k_bp),
            "th_b": theme(k_b),
            "svc": cls.service,
            "snap": snapshot(cls.sh_anna),
            "snap_bp": snapshot(s_bp),
            "snap_client": snapshot(client=cls.client_sales),
            "snap_b": snapshot(s_b),
            "q_user": concern(cls.client_sales, cls.user),
            "q_bp": concern(c_bp, cls.bp),
            "q_other": concern(cls.client_ops, cls.other_user),
            "q_b": concern(c_b, cls.bp),
            "m_user": commitment(cls.client_sales, cls.user),
            "m_bp": commitment(c_bp, cls.bp),
            "m_bp_client": commitment(c_bp, cls.other_user),
            "m_other": commitment(cls.client_ops, cls.other_user),
            "m_b": commitment(c_b, cls.bp),
            "m_bp_stakeholder": commitment(None, cls.other_user, s_bp),
            "m_b_stakeholder": commitment(None, cls.bp, s_b),
            "topic": env["hr.relationship.topic"].create({"name": "HRR Matrix"}),
            "log": retention_log(cls.sh_anna),
            "log_b": retention_log(s_b),
            "job": env["hr.relationship.job.progress"].create({"name": "hrr_matrix"}),
        }
        # The plain employee leads the business partner's client.
        c_bp.client_lead_id = Employee.create(
            {
                "name": "Ellen Lead",
                "company_id": cls.company.id,
                "user_id": cls.internal_user.id,
            }
        )
        Partnership = env["hr.internal.client.partnership"]
        cls.targets["pship_lead"] = Partnership.browse(c_bp.id)
        cls.targets["pship_other"] = Partnership.browse(cls.client_ops.id)
        cls.targets.update(cls._project_and_relation_targets(s_bp, s_b))
        for name, record in cls.targets.items():
            assert len(record) == 1, name
        # Everyone creates for the client they partner; administrators have none.
        cls.own_client = {
            "E": cls.client_sales,
            "U": cls.client_sales,
            "B": c_bp,
            "M": cls.client_ops,
        }
        cls.env.invalidate_all()

    @classmethod
    def _project_and_relation_targets(cls, s_bp, s_b):
        env = cls.env
        Project = env["project.project"]
        project = Project.create({"name": "HRR Matrix", "company_id": cls.company.id})
        cls.project_new = Project.create(
            {"name": "HRR Matrix New", "company_id": cls.company.id}
        )
        project_b = Project.create(
            {"name": "HRR Matrix B", "company_id": cls.company_b.id}
        )
        cls.project_new_b = Project.create(
            {"name": "HRR Matrix New B", "company_id": cls.company_b.id}
        )
        Position = env["hr.project.stakeholder"]

        def position(stakeholder, on=project):
            return Position.create(
                {"project_id": on.id, "stakeholder_id": stakeholder.id}
            )

        pos_user = position(cls.sh_anna)
        pos_b = position(s_b, project_b)
        PositionSnapshot = env["hr.project.stakeholder.snapshot"]

        def position_snapshot(pos):
            return PositionSnapshot.create(
                {
                    "project_stakeholder_id": pos.id,
                    "project_id": pos.project_id.id,
                    "stakeholder_id": pos.stakeholder_id.id,
                    "company_id": pos.company_id.id,
                    "month": "2020-01-01",
                }
            )

        SupportSnapshot = env["hr.project.support.snapshot"]

        def support_snapshot(on):
            return SupportSnapshot.create(
                {
                    "project_id": on.id,
                    "company_id": on.company_id.id,
                    "month": "2020-01-01",
                }
            )

        cls.relation_type = env["hr.relationship.type"].create(
            {"name": "HRR Matrix with", "name_inverse": "HRR Matrix by"}
        )
        cls.person_a = cls.emp_anna.work_contact_id
        cls.person_b = cls.partner_ext
        Relation = env["hr.person.relation"]

        def relation(user, company):
            return Relation.create(
                {
                    "left_partner_id": cls.person_a.id,
                    "type_id": cls.relation_type.id,
                    "right_partner_id": cls.person_b.id,
                    "user_id": user.id,
                    "company_id": company.id,
                }
            )

        rel_user = relation(cls.user, cls.company)
        rel_b = relation(cls.bp, cls.company_b)
        Side = env["hr.person.relation.side"]
        return {
            "pos_user": pos_user,
            "pos_bp": position(s_bp),
            "pos_other": position(cls.sh_bob),
            "pos_b": pos_b,
            "pos_snap": position_snapshot(pos_user),
            "pos_snap_b": position_snapshot(pos_b),
            "sup_snap": support_snapshot(project),
            "sup_snap_b": support_snapshot(project_b),
            # A type no relation uses, so that deleting it is only about rights.
            "rtype": env["hr.relationship.type"].create({"name": "HRR Unused"}),
            "rel_user": rel_user,
            "rel_bp": relation(cls.bp, cls.company),
            "rel_other": relation(cls.other_user, cls.company),
            "rel_b": rel_b,
            "side_user": Side.browse(rel_user.id * 2),
            "side_b": Side.browse(rel_b.id * 2 + 1),
        }

    def _project_and_relation_values(self, model, operation, role):
        other_company = operation == "create_b"
        company = self.company_b if other_company else self.company
        if model == "hr.project.stakeholder":
            if other_company:
                return {
                    "project_id": self.project_new_b.id,
                    "stakeholder_id": self.targets["s_b"].id,
                }
            return {
                "project_id": self.project_new.id,
                "stakeholder_id": self.targets["s_user"].id,
            }
        if model == "hr.project.stakeholder.snapshot":
            pos = self.targets["pos_b" if other_company else "pos_other"]
            return {
                "project_stakeholder_id": pos.id,
                "project_id": pos.project_id.id,
                "stakeholder_id": pos.stakeholder_id.id,
                "company_id": company.id,
                "month": "2020-02-01",
            }
        if model == "hr.project.support.snapshot":
            pos = self.targets["pos_b" if other_company else "pos_other"]
            return {
                "project_id": pos.project_id.id,
                "company_id": company.id,
                "month": "2020-02-01",
            }
        if model == "hr.relationship.type":
            return {"name": f"HRR Type {role}"}
        if model == "hr.person.relation":
            return {
                "left_partner_id": self.person_b.id,
                "type_id": self.relation_type.id,
                "right_partner_id": self.person_a.id,
                "company_id": company.id,
            }
        if model == "hr.person.relation.side":
            return {
                "this_partner_id": self.person_b.id,
                "side_type": f"{self.relation_type.id}_inverse",
                "other_partner_id": self.person_a.id,
            }
        return None

    def _cycle_and_network_values(self, model, role, user, company, client):
        """Create values of the value cycle's and the network's models, and
        of the daily jobs' progress."""
        if model in ("hr.relationship.concern", "hr.relationship.commitment"):
            return {
                "name": "HRR New",
                "company_id": company.id,
                "internal_client_id": client.id,
            }
        if model == "hr.relationship.topic":
            return {"name": f"HRR Topic {role}"}
        if model == "hr.relationship.job.progress":
            return {"name": f"hrr_new_{role}"}
        if model == "hr.relationship.portfolio":
            return {"user_id": user.id, "company_id": company.id}
        if model == "hr.relationship.portfolio.snapshot":
            return {"portfolio_id": self.targets["pf_user"].id, "month": "2020-01-01"}
        return None

    def _create_values(self, model, operation, role):
        """Values to create, made inside the cell's savepoint."""
        user = self.role_users[role]
        company = self.company_b if operation == "create_b" else self.company
        client = (
            self.targets["c_b"] if operation == "create_b" else self.own_client[role]
        )
        if operation == "create_foreign":
            client = self.targets["c_other"]
        if model == "hr.internal.client":
            return {
                "name": f"HRR New {role}",
                "company_id": company.id,
                "hr_partner_id": user.id,
            }
        if model in ("hr.stakeholder", "hr.stakeholder.profile"):
            partner = self.env["res.partner"].create(
                {"name": f"HRR New {role}", "company_id": company.id}
            )
            values = {
                "partner_id": partner.id,
                "company_id": company.id,
                "owner_id": user.id,
                "relation_type": "project_partner",
            }
            if model == "hr.stakeholder":
                return values
            # A contact's profile needs their consent first.
            values["consent"] = True
            stakeholder = self.env["hr.stakeholder"].create(values)
            return {"stakeholder_id": stakeholder.id, "personal_interests": "Go"}
        if model == "hr.relationship.interaction":
            stakeholder = self.targets["s_b" if operation == "create_b" else "s_user"]
            return {
                "name": "HRR New",
                "company_id": company.id,
                "stakeholder_ids": [Command.set(stakeholder.ids)],
            }
        if model == "hr.satisfaction.survey":
            return {
                "name": "HRR New",
                "company_id": company.id,
                "internal_client_ids": [Command.set(client.ids)],
            }
        campaign = self.targets["k_b" if operation == "create_b" else "k_bp"]
        if model == "hr.satisfaction.result":
            return {
                "campaign_id": campaign.id,
                "company_id": company.id,
                "date": "2026-02-01",
                "scope": "campaign",
            }
        if model == "hr.satisfaction.service.result":
            result = self.targets["r_b" if operation == "create_b" else "r_campaign"]
            return {
                "result_id": result.id,
                "company_id": company.id,
                "service_id": self.service.id,
            }
        if model == "hr.satisfaction.theme":
            return {
                "campaign_id": campaign.id,
                "company_id": company.id,
                "date": "2026-02-01",
                "scope": "campaign",
                "theme": "onboarding",
            }
        if model == "hr.relationship.service":
            return {"name": f"HRR Service {role}"}
        if model == "hr.internal.client.partnership":
            return {"name": f"HRR Partnership {role}"}
        if model == "hr.relationship.health.snapshot":
            stakeholder = self.targets["s_b" if operation == "create_b" else "s_other"]
            return {
                "stakeholder_id": stakeholder.id,
                "company_id": company.id,
                "month": "2020-02-01",
            }
        if model == "hr.relationship.retention.log":
            return {
                "stakeholder_ref": self.targets["s_user"].id,
                "reason": "request",
                "company_id": company.id,
            }
        values = self._project_and_relation_values(model, operation, role)
        if values is not None:
            return values
        values = self._cycle_and_network_values(model, role, user, company, client)
        if values is not None:
            return values
        raise AssertionError(f"no create values for {model}")

    def _cells(self):
        for (model, target), operations in MATRIX.items():
            for operation, allowed in operations.items():
                for role in ROLES:
                    yield model, target, operation, role, role in allowed

    def _walk(self, run):
        """Run every cell through ``run(model, target, operation, role)``,
        which returns True when allowed and False on an access error."""
        for model, target, operation, role, expected in self._cells():
            with self.subTest(
                model=model, record=target, operation=operation, role=ROLES[role]
            ):
                with closing(self.env.cr.savepoint()):
                    try:
                        outcome = run(model, target, operation, role)
                    finally:
                        self.env.invalidate_all()
                self.assertEqual(
                    outcome,
                    expected,
                    "allowed" if outcome else "denied",
                )


@tagged("post_install", "-at_install")
class TestAccessMatrix(AccessMatrixMixin, HrRelationshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_matrix()

    def _run_orm(self, model, target, operation, role):
        user = self.role_users[role]
        try:
            if operation.startswith("create"):
                values = self._create_values(model, operation, role)
                self.env[model].with_user(user).create(values)
            else:
                record = self.targets[target].with_user(user)
                if operation == "read":
                    record.read(["display_name"])
                elif operation == "write":
                    record.write(WRITE_VALUES[model])
                else:
                    record.unlink()
            self.env.flush_all()
        except AccessError:
            return False
        return True

    def test_matrix_orm(self):
        self._walk(self._run_orm)

    def test_every_model_is_in_the_matrix(self):
        models = {
            name
            for name in self.env.registry
            if self.env[name]._original_module == "hr_relationship"
            and not self.env[name]._abstract
            and not self.env[name]._transient
        }
        self.assertEqual(models, {model for model, _target in MATRIX})

    def test_search_shows_only_readable_records(self):
        for role, user in self.role_users.items():
            for (model, target), operations in MATRIX.items():
                if target is None:
                    continue
                record = self.targets[target]
                with self.subTest(role=ROLES[role], model=model, record=target):
                    Model = self.env[model].with_user(user)
                    if (role == "E" and model not in EMPLOYEE_MODELS) or (
                        model in ADMIN_ONLY_MODELS and role != "M"
                    ):
                        with self.assertRaises(AccessError):
                            Model.search([("id", "=", record.id)])
                        continue
                    found = Model.search([("id", "=", record.id)])
                    self.assertEqual(bool(found), role in operations["read"])

    def test_per_stakeholder_figures_need_the_business_partner(self):
        """A stakeholder's latest survey figures are that person's answers."""
        fields_by_model = {
            "hr.stakeholder": ["latest_satisfaction_index", "latest_nps"],
            "hr.relationship.health.snapshot": [
                "latest_satisfaction_index",
                "latest_nps",
            ],
        }
        records = {
            "hr.stakeholder": self.targets["s_bp"],
            "hr.relationship.health.snapshot": self.targets["snap_bp"],
        }
        for model, fnames in fields_by_model.items():
            for role in "UBM":
                with self.subTest(model=model, role=ROLES[role]):
                    record = records[model].with_user(self.role_users[role])
                    if role == "U":
                        with self.assertRaises(AccessError):
                            record.read(fnames)
                    else:
                        record.read(fnames)

    def test_map_follows_the_rules(self):
        own = f"stakeholder_{self.targets['s_user'].id}"
        foreign = f"stakeholder_{self.targets['s_b'].id}"
        foreign_client = f"internal_client_{self.targets['c_b'].id}"
        for role, user in self.role_users.items():
            with self.subTest(role=ROLES[role]):
                Map = self.env["hr.relationship.map"].with_user(user)
                if role == "E":
                    with self.assertRaises(AccessError):
                        Map.get_graph(limit=10000)
                    continue
                keys = {node["id"] for node in Map.get_graph(limit=10000)["nodes"]}
                self.assertIn(own, keys)
                self.assertNotIn(foreign, keys)
                self.assertNotIn(foreign_client, keys)

    def _links_elsewhere(self):
        """Values tying a promise or concern of the business partner's own
        company to a stakeholder, client or interaction of another one."""
        c_bp = self.own_client["B"].id
        return [
            {"stakeholder_id": self.targets["s_b"].id, "internal_client_id": c_bp},
            {"internal_client_id": self.targets["c_b"].id},
            {"interaction_id": self.targets["i_b"].id, "internal_client_id": c_bp},
        ]

    def test_promises_and_concerns_stay_in_the_company_of_whom_they_concern(self):
        """Users read commitments and concerns by company: one of this
        company made to a stakeholder or client of another would show the
        users of this company what they may not see there. The business
        partner also works in the other company's client, as the HR partner
        of c_b, yet cannot tie the two together; nor can the superuser."""
        for model in ("hr.relationship.commitment", "hr.relationship.concern"):
            Model = self.env[model]
            for links in self._links_elsewhere():
                for user in (self.bp, self.env.ref("base.user_root")):
                    with self.subTest(model=model, links=links, user=user.login):
                        values = {"name": "HRR Across", "company_id": self.company.id}
                        with self.assertRaises(UserError):
                            Model.with_user(user).create({**values, **links})
            own = self.targets["m_bp" if "commitment" in model else "q_bp"]
            with self.subTest(model=model, operation="write"):
                with self.assertRaises(UserError):
                    own.with_user(self.bp).write(
                        {"stakeholder_id": self.targets["s_b"].id}
                    )
        self.assertFalse(
            self.env["hr.relationship.commitment"]
            .with_user(self.user)
            .search([("stakeholder_id.company_id", "!=", self.company.id)])
        )

    def test_plain_employee_cannot_search_on_related_fields(self):
        """Searching on the addon's fields of other models must not tell a
        plain employee which records are linked to a relationship."""
        searches = [
            ("hr.employee", "hr_stakeholder_ids", self.sh_anna.id),
            ("res.partner", "hr_stakeholder_ids", self.targets["s_bp"].id),
            ("project.project", "internal_client_id", self.client_sales.id),
            ("hr.employee", "hr_served_client_ids", self.client_sales.id),
        ]
        for model, fname, value in searches:
            with self.subTest(model=model, field=fname):
                Model = self.env[model].with_user(self.internal_user)
                for domain in ([(fname, "=", value)], [(fname, "!=", False)]):
                    try:
                        found = Model.search(domain)
                    except (AccessError, ValueError):
                        # hr.employee sends plain employees to hr.employee.public,
                        # which has no such field at all.
                        continue
                    self.assertFalse(found, f"{domain} leaked through {model}")


@tagged("post_install", "-at_install")
class TestAccessMatrixRpc(AccessMatrixMixin, RpcCase):
    """The same matrix through /xmlrpc/2, as each user's own login."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_matrix()

    def _run_rpc(self, model, target, operation, role):
        user = self.role_users[role]
        if operation.startswith("create"):
            method = "create"
            values = self._create_values(model, operation, role)
            # xmlrpc marshals plain integers, not the Command enum.
            for fname, value in values.items():
                if isinstance(value, list):
                    values[fname] = [(int(cmd[0]), *cmd[1:]) for cmd in value]
            args = [values]
        else:
            method = operation
            args = [self.targets[target].ids]
            if operation == "write":
                args.append(WRITE_VALUES[model])
        kwargs = {"fields": ["display_name"]} if operation == "read" else {}
        self.env.flush_all()
        try:
            self._execute(user, model, method, args, kwargs)
        except Fault as error:
            self.assertEqual(error.faultCode, RPC_ACCESS_ERROR, error.faultString)
            return False
        return True

    def test_matrix_rpc(self):
        self._walk(self._run_rpc)

    def test_map_rpc(self):
        foreign = f"stakeholder_{self.targets['s_b'].id}"
        for role, user in self.role_users.items():
            with self.subTest(role=ROLES[role]):
                if role == "E":
                    with self.assertRaises(Fault) as caught:
                        self._execute(user, "hr.relationship.map", "get_graph", [])
                    self.assertEqual(caught.exception.faultCode, RPC_ACCESS_ERROR)
                    continue
                graph = self._execute(
                    user, "hr.relationship.map", "get_graph", [], {"limit": 10000}
                )
                keys = {node["id"] for node in graph["nodes"]}
                self.assertIn(f"stakeholder_{self.sh_anna.id}", keys)
                self.assertNotIn(foreign, keys)

    def test_promises_across_companies_refused_rpc(self):
        for links in (
            {"stakeholder_id": self.targets["s_b"].id},
            {"internal_client_id": self.targets["c_b"].id},
        ):
            with self.subTest(links=links):
                with self.assertRaises(Fault) as caught:
                    self._execute(
                        self.bp,
                        "hr.relationship.commitment",
                        "create",
                        [
                            {
                                "name": "HRR Across",
                                "company_id": self.company.id,
                                **links,
                            }
                        ],
                    )
                self.assertEqual(caught.exception.faultCode, RPC_USER_ERROR)
        # What the user may see, and only that, over RPC too.
        found = self._execute(
            self.user,
            "hr.relationship.commitment",
            "search_read",
            [[("name", "=", "HRR Matrix")]],
            {"fields": ["stakeholder_id", "internal_client_id"]},
        )
        expected = {
            name
            for (model, name), cells in MATRIX.items()
            if model == "hr.relationship.commitment" and name and "U" in cells["read"]
        }
        self.assertEqual(
            {row["id"] for row in found}, {self.targets[name].id for name in expected}
        )

    def test_plain_employee_rpc_search_on_related_field(self):
        with self.assertRaises(Fault) as caught:
            self._execute(
                self.internal_user,
                "res.partner",
                "search",
                [[("hr_stakeholder_ids", "!=", False)]],
            )
        self.assertEqual(caught.exception.faultCode, RPC_ACCESS_ERROR)
