# Copyright 2026 The hr_relationship authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Minimum group size of anonymous campaigns (setting) and the choice of
which groups' figures are withheld."""

from collections import Counter

MIN_GROUP_PARAM = "hr_relationship.anonymity_min_group"
MIN_GROUP_DEFAULT = 5
MIN_GROUP_RANGE = (1, 1000)


def min_group_size(env):
    value = env["ir.config_parameter"].sudo().get_param(MIN_GROUP_PARAM)
    try:
        size = int(value)
    except (TypeError, ValueError):
        return MIN_GROUP_DEFAULT
    low, high = MIN_GROUP_RANGE
    return size if low <= size <= high else MIN_GROUP_DEFAULT


def withheld_groups(counts, withheld, min_group):
    """Which groups of one campaign must be withheld.

    ``counts`` maps each set of internal clients (a frozenset of ids, empty
    for respondents of none) to its number of respondents; ``withheld`` holds
    the clients already withheld. Returns whether the whole campaign is
    withheld, the clients with too few respondents and all withheld clients.

    A client with fewer respondents than ``min_group`` is withheld. Because
    the whole campaign minus the published clients is a group too (the
    withheld clients plus respondents of no client), that remainder must be
    empty or hold at least ``min_group`` respondents; otherwise the
    smallest published client is withheld as well, until it does."""
    total = sum(counts.values())
    per_client = Counter()
    for clients, count in counts.items():
        for client in clients:
            per_client[client] += count
    small = {client for client, count in per_client.items() if count < min_group}
    if total < min_group:
        return True, set(per_client), set(withheld) | set(per_client)
    withheld = set(withheld) | small
    while published := set(per_client) - withheld:
        remainder = sum(n for clients, n in counts.items() if not clients & published)
        if not 0 < remainder < min_group:
            break
        withheld.add(min(published, key=lambda c: (per_client[c], c)))
    return False, small, withheld
