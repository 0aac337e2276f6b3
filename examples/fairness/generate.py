#!/usr/bin/env python3
"""Writes the two example datasets of `veracity fairness` (deterministic: run it again, get the same files).

unbalanced.csv: 1,000 loan applications, 150 from women (15 %) and 850 from men; 20 % of women's applications are
approved against 50 % of men's; income is missing for 30 % of women and 5 % of men.
balanced.csv: 1,000 applications, 500 and 500, 40 % approved in both, income missing for 5 % of both.
"""
import csv


def rows(groups):
    """groups: (sex, count, approved, income_missing) -> rows with a deterministic spread of the other features."""
    out = []
    for sex, count, approved, missing in groups:
        for i in range(count):
            out.append({
                "application_id": f"A{len(out) + 1:05d}",
                "sex": sex,
                "age_band": ["18-29", "30-44", "45-64", "65+"][i % 4],
                "region": ["north", "south", "east", "west"][(i // 4) % 4],
                "income": "" if i < missing else str(20000 + (i * 7919) % 80000),
                "loan_amount": str(1000 + (i * 104729) % 49000),
                "approved": "1" if (i * 37) % count < approved else "0",
            })
    return out


def write(name, groups):
    with open(name, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["application_id", "sex", "age_band", "region", "income",
                                               "loan_amount", "approved"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows(groups))


write("unbalanced.csv", [("F", 150, 30, 45), ("M", 850, 425, 42)])
write("balanced.csv", [("F", 500, 200, 25), ("M", 500, 200, 25)])
