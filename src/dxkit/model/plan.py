"""The sums of a three-year cost and revenue plan (``plan.yaml``), computed once for every reader.

A plan lists costs, revenues and the shares members pay, each with one amount per fiscal year.
A year *balances* when what comes in (revenues and shares) covers what goes out (costs). The
rules judge by these sums; the workbook writes the same sums as formulas, so a person who
changes a cell sees them follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxkit.model.records import CostPlan

#: How many fiscal years (年度) a plan covers.
PLAN_YEARS = 3


@dataclass(frozen=True, slots=True)
class PlanTotals:
    """Year by year: total costs, revenues and shares of one plan (yen)."""

    costs: tuple[int, ...]
    revenues: tuple[int, ...]
    shares: tuple[int, ...]

    @property
    def balance(self) -> tuple[int, ...]:
        """What comes in less what goes out, each year: negative where the plan falls short."""
        return tuple(r + s - c for c, r, s in zip(self.costs, self.revenues, self.shares, strict=True))

    def short_years(self) -> list[int]:
        """The positions (0, 1, 2) of the years that do not balance."""
        return [i for i, value in enumerate(self.balance) if value < 0]


def _sum(rows: tuple[tuple[int, ...], ...]) -> tuple[int, ...]:
    return tuple(sum(row[i] for row in rows) for i in range(PLAN_YEARS))


def plan_totals(plan: CostPlan) -> PlanTotals:
    """The yearly totals of ``plan``."""
    return PlanTotals(
        costs=_sum(tuple(c.amounts for c in plan.costs)),
        revenues=_sum(tuple(r.amounts for r in plan.revenues)),
        shares=_sum(tuple(s.amounts for s in plan.shares)),
    )


def fiscal_years(plan: CostPlan) -> tuple[int, ...]:
    """The fiscal years the plan covers (2027 stands for 2027年度, April 2027 to March 2028)."""
    return tuple(plan.first_fiscal_year + i for i in range(PLAN_YEARS))
