#!/usr/bin/env python3
"""Generate the "model decay" example: labeled predictions of the runs app's completion model over ten days.

Writes three CSV files next to this script (Python 3 standard library only, fixed seed, same bytes every run):

    predictions.csv          8,000 rows  2024-05-01 .. 2024-05-10, 800 runs a day
    predictions_before.csv   4,000 rows  the first five days (2024-05-01 .. 2024-05-05)
    predictions_after.csv    4,000 rows  the last five days  (2024-05-06 .. 2024-05-10)

Columns: run_id, route, surface, distance_km, elevation_gain_m, started_at, score, completed.
`score` is the deployed model's probability that the run is completed; `completed` is the label that arrived later.

The concept change: from 2024-05-06 on, runs on hilly routes (elevation gain of 150 m or more) are completed far
less often (the log-odds of completion drop by 2.5), while the routes, their lengths and climbs are drawn exactly as
before. The inputs P(x) do not move; the relationship P(y | x) does, and the model, not retrained, decays.

Usage:  python3 examples/runs/generate_decay.py
"""
import csv
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
DAYS = 10
RUNS_PER_DAY = 800
CHANGE_DAY = 6  # 2024-05-06
HILLY_M = 150

# route, surface, typical distance (km), typical climb (m)
ROUTES = [
    ("Riverside Loop", "road", 5.9, 17),
    ("City Stadium Track", "track", 4.0, 0),
    ("Sunset Boulevard Run", "road", 8.2, 34),
    ("Canal Towpath", "road", 10.5, 12),
    ("Parkrun Course", "trail", 5.0, 45),
    ("Schwarzwald Höhenweg", "trail", 7.4, 320),
    ("Guadarrama Pinar", "trail", 9.8, 410),
    ("Hill Repeats Ridge", "road", 6.3, 240),
    ("Monte Verità Climb", "trail", 5.5, 290),
    ("Lakeshore Path, North End", "road", 12.0, 60),
]


def completion_logit(distance_km, elevation_gain_m):
    """The log-odds of completing a run before the change: longer and hillier runs are completed less often."""
    return 3.2 - 0.22 * distance_km - 0.0045 * elevation_gain_m


def main():
    rng = random.Random(20240501)
    rows = []
    run_id = 500001
    for day in range(1, DAYS + 1):
        starts = sorted(rng.randrange(5 * 3600, 22 * 3600) for _ in range(RUNS_PER_DAY))
        for start in starts:
            route, surface, distance, climb = ROUTES[rng.randrange(len(ROUTES))]
            distance_km = round(max(1.0, rng.gauss(distance, 0.6)), 2)
            elevation = max(0, int(round(rng.gauss(climb, climb * 0.08 + 2))))
            logit = completion_logit(distance_km, elevation)
            score = 1 / (1 + math.exp(-logit))
            if day >= CHANGE_DAY and elevation >= HILLY_M:
                logit -= 2.5
            completed = 1 if rng.random() < 1 / (1 + math.exp(-logit)) else 0
            started_at = "2024-05-%02dT%02d:%02d:%02d" % (day, start // 3600, start // 60 % 60, start % 60)
            rows.append([run_id, route, surface, "%.2f" % distance_km, elevation, started_at, "%.4f" % score, completed])
            run_id += 1
    header = ["run_id", "route", "surface", "distance_km", "elevation_gain_m", "started_at", "score", "completed"]
    write("predictions.csv", header, rows)
    write("predictions_before.csv", header, [r for r in rows if int(r[5][8:10]) < CHANGE_DAY])
    write("predictions_after.csv", header, [r for r in rows if int(r[5][8:10]) >= CHANGE_DAY])


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


if __name__ == "__main__":
    main()
