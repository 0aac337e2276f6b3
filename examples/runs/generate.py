#!/usr/bin/env python3
"""Generate the synthetic "runs" example dataset for Veracity.

Writes three CSV files next to this script:

    train.csv    8,000 rows  (2023-10-01 .. 2024-03-31, autumn/winter)
    eval.csv     2,000 rows  (2024-04-01 .. 2024-05-31, spring)
    serving.csv  2,000 rows  (2024-07-01 .. 2024-08-31, summer, no label)

One row per run logged by a running app that suggests runs. Columns:

    run_id, runner, route, surface, distance_km, elevation_gain_m,
    pace_min_per_km, avg_heart_rate, temperature_c, time_of_day,
    started_at, suggested, notes, completed

(serving.csv has no `completed` column: the label is unknown at serving time.)

The data is entirely synthetic but built to be plausible: ~300 runners with
Zipf-like activity, each with a fitness level (flat-road pace), a usual
distance, favourite routes and a preferred time of day.  Pace depends on
surface, elevation, heat and fitness; heart rate tracks pace; the label
`completed` depends on the planned distance relative to the runner's usual
distance, on temperature and on whether the app suggested the run.

Deliberate data-quality flaws are injected (a fixed, small number of rows per
split, see README.md): missing heart rate, GPS glitches, negative elevation
gain, literal "NaN" temperatures, a route unseen in train, a new surface value
in serving, and train->serving drift (more treadmill, hotter).

Usage:  python3 generate.py          (Python 3 standard library only)

Output is deterministic: a single random.Random(SEED) drives everything, and
no hash-ordered containers (sets, dict iteration over hashed keys built in
random order) influence the draws.  CSV: UTF-8 without BOM, LF line endings,
minimal quoting (csv.QUOTE_MINIMAL).
"""

import csv
import datetime as dt
import math
import os
import random

SEED = 20240611
N_RUNNERS = 300
SIZES = {"train": 8000, "eval": 2000, "serving": 2000}
WINDOWS = {  # inclusive start date, exclusive end date (local time)
    "train": (dt.date(2023, 10, 1), dt.date(2024, 4, 1)),
    "eval": (dt.date(2024, 4, 1), dt.date(2024, 6, 1)),
    "serving": (dt.date(2024, 7, 1), dt.date(2024, 9, 1)),
}
FIRST_RUN_ID = {"train": 100001, "eval": 200001, "serving": 300001}

# (name, surface, elevation gain per km in metres, popularity weight)
ROUTES = [
    ("Riverside Loop", "road", 3, 10),
    ("Old Town Circuit", "road", 8, 7),
    ("Harbour Front", "road", 2, 6),
    ("Überlingen Uferweg", "road", 4, 3),
    ("Parc de la Tête d'Or", "road", 5, 6),
    ("Łazienki Loop", "road", 6, 5),
    ("Río Manzanares", "road", 4, 5),
    ("Canal Towpath", "road", 1, 8),
    ("Ring Road Tempo", "road", 5, 4),
    ("Bridges Out-and-Back", "road", 9, 4),
    ("Lakeside Promenade", "road", 2, 7),
    ("Königsallee Stretch", "road", 3, 3),
    ("Avenida da Liberdade", "road", 12, 3),
    ("Campus Loop", "road", 7, 6),
    ("Market Square Sprint", "road", 4, 2),
    ("Greenway North", "road", 6, 5),
    ("Greenway South", "road", 5, 5),
    ("Lakeshore Path, North End", "road", 3, 4),  # contains a comma
    ("Industrial Estate Loop", "road", 2, 2),
    ("Søndermarken Circuit", "road", 10, 3),
    ("Cathedral Hill", "road", 22, 3),
    ("Ørestad Loop", "road", 2, 3),
    ("Sunset Boulevard Run", "road", 6, 3),
    ("Forest Ridge Trail", "trail", 35, 5),
    ("Pine Hollow", "trail", 25, 4),
    ("Quarry Rim", "trail", 45, 2),
    ("Guadarrama Pinar", "trail", 55, 2),
    ("Schwarzwald Höhenweg", "trail", 60, 2),
    ("Fjällstigen", "trail", 40, 2),
    ("Moorland Path", "trail", 18, 3),
    ("Deer Park Singletrack", "trail", 28, 3),
    ("Carretera de les Aigües", "trail", 20, 3),
    ("Vallée de Chevreuse", "trail", 30, 2),
    ("City Stadium Track", "track", 0, 4),
    ("University Track", "track", 0, 3),
    ("Sportpark Bahn", "track", 0, 2),
    ("Treadmill – Home", "treadmill", 0, 4),
    ("Treadmill – Gym", "treadmill", 0, 4),
]
# Opened in spring 2024: appears in eval and serving, never in train.
NEW_ROUTE = ("Błonia Kraków", "road", 3, 0)
NEW_SURFACE = "indoor track"  # introduced by an app release before serving

SURFACE_PACE = {"road": 1.00, "trail": 1.12, "track": 0.97,
                "treadmill": 1.03, NEW_SURFACE: 0.98}
TIMES_OF_DAY = ["morning", "lunch", "evening", "night"]
HOURS = {"morning": (5, 10), "lunch": (11, 14), "evening": (16, 21),
         "night": (21, 24)}
TOD_TEMP = {"morning": -3.0, "lunch": 2.5, "evening": 1.0, "night": -2.0}

NOTES_PLAIN = [
    "felt great", "legs heavy", "windy", "new shoes", "easy recovery",
    "tempo felt hard", "with the club", "ran with dog", "hills!",
    "negative split", "calf tight", "too hot", "icy patches", "PB",
    "headphones died", "slow start", "muddy", "Ça va, mais fatigué",
]
NOTES_TRICKY = [
    "rain, cold",                                     # comma
    "stopped twice, shoelace",                        # comma
    'tried the "tempo" plan',                         # double quote
    'coach said "keep it easy"',                      # double quote
    "side stitch at 5k\nwalked a bit",                # newline
    "great run\nsee you tomorrow",                    # newline
    'watch said "GPS lost", guessed the end',         # quote + comma
]

HEADER = ["run_id", "runner", "route", "surface", "distance_km",
          "elevation_gain_m", "pace_min_per_km", "avg_heart_rate",
          "temperature_c", "time_of_day", "started_at", "suggested",
          "notes", "completed"]

# Deliberate flaws: number of rows per split (positions drawn at random).
FLAWS = {
    "train": {"pace_glitch": 4, "zero_distance": 3, "neg_elev": 6, "nan_temp": 5},
    "eval": {"pace_glitch": 1, "zero_distance": 1, "neg_elev": 2, "nan_temp": 0},
    "serving": {"pace_glitch": 2, "zero_distance": 1, "neg_elev": 2, "nan_temp": 0},
}
HR_MISSING = {"train": 0.07, "eval": 0.07, "serving": 0.15}
TREADMILL_BOOST = {"train": 0.0, "eval": 0.03, "serving": 0.16}
NEW_ROUTE_SHARE = {"train": 0.0, "eval": 0.03, "serving": 0.03}
INDOOR_TRACK_SHARE = {"train": 0.0, "eval": 0.0, "serving": 0.35}  # of track runs
HEATWAVE = {"train": 0.0, "eval": 0.0, "serving": 2.5}


def clip(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def make_runners(rng):
    ids = ["r%04d" % i for i in range(1, N_RUNNERS + 1)]
    rng.shuffle(ids)  # so the busiest runner is not r0001
    route_w = [r[3] for r in ROUTES]
    runners = []
    for rank, rid in enumerate(ids, start=1):
        favs, n_favs = [], rng.randint(2, 5)
        while len(favs) < n_favs:
            r = rng.choices(ROUTES, weights=route_w)[0]
            if r not in favs:
                favs.append(r)
        tod_w = [rng.random() ** 2 for _ in TIMES_OF_DAY]
        tod_w[rng.randrange(4)] += 1.5  # a clear favourite slot
        tod_w[3] *= 0.25                 # night is rarer for everyone
        runners.append({
            "id": rid,
            "weight": 1.0 / rank ** 0.75,            # Zipf-like activity
            "pace": clip(rng.gauss(5.9, 0.8), 3.7, 8.6),   # flat-road min/km
            "usual_km": clip(math.exp(rng.gauss(math.log(7.0), 0.4)), 3.0, 24.0),
            "hr_offset": rng.gauss(0, 9),
            "favs": favs,
            "tod_w": tod_w,
        })
    return runners


def season_temp(d):
    doy = d.timetuple().tm_yday
    return 10.0 - 9.5 * math.cos(2 * math.pi * (doy - 20) / 365.0)


def random_start(rng, split, tod):
    start, end = WINDOWS[split]
    day = start + dt.timedelta(days=rng.randrange((end - start).days))
    h0, h1 = HOURS[tod]
    secs = rng.randrange(h0 * 3600, h1 * 3600)
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(seconds=secs)


def make_run(rng, split, runner):
    # --- route and surface -------------------------------------------------
    suggested = 1 if rng.random() < 0.35 else 0
    if rng.random() < NEW_ROUTE_SHARE[split]:
        route = NEW_ROUTE
    elif rng.random() < TREADMILL_BOOST[split]:
        route = rng.choice([r for r in ROUTES if r[1] == "treadmill"])
    elif suggested or rng.random() < 0.2:
        route = rng.choices(ROUTES, weights=[r[3] for r in ROUTES])[0]
    else:
        route = rng.choice(runner["favs"])
    name, surface, elev_per_km, _ = route
    if surface == "track" and rng.random() < INDOOR_TRACK_SHARE[split]:
        surface = NEW_SURFACE

    tod = rng.choices(TIMES_OF_DAY, weights=runner["tod_w"])[0]
    started = random_start(rng, split, tod)

    # --- temperature -------------------------------------------------------
    if surface in ("treadmill", NEW_SURFACE):
        temp = rng.gauss(20.5, 1.5)                   # indoor reading
    else:
        temp = (season_temp(started.date()) + TOD_TEMP[tod] + HEATWAVE[split]
                + rng.gauss(0, 3.5))

    # --- planned distance and the label ----------------------------------
    usual = runner["usual_km"]
    target = usual * math.exp(rng.gauss(0.0, 0.25))
    if suggested:
        target *= 1.08                                 # the app pushes a bit
    if surface in ("treadmill", "track", NEW_SURFACE):
        target *= 0.75
    target = clip(target, 1.5, 42.2)
    stretch = target / usual
    logit = (2.5 - 3.2 * max(0.0, stretch - 1.0)
             - 0.15 * max(0.0, temp - 18.0) - 0.12 * max(0.0, 0.0 - temp)
             - 0.25 * suggested + (0.3 if surface == "treadmill" else 0.0))
    completed = 1 if rng.random() < 1.0 / (1.0 + math.exp(-logit)) else 0
    if completed:
        distance = target * rng.uniform(1.0, 1.05)
    else:
        distance = target * rng.uniform(0.4, 0.96)

    # --- elevation, pace, heart rate -------------------------------------
    elev = distance * elev_per_km * rng.uniform(0.8, 1.2)
    if surface == "treadmill":
        elev = distance * 10 if rng.random() < 0.15 else 0.0  # incline set
    elev = int(round(elev))
    pace = (runner["pace"] * SURFACE_PACE[surface]
            + 0.022 * elev / max(distance, 0.1)       # ~+0.45 min/km at 20 m/km
            + 0.035 * max(0.0, temp - 18.0)
            + 0.02 * max(0.0, distance - usual)
            + rng.gauss(0, 0.18))
    pace = clip(pace, 3.2, 11.0)
    hr = (147 + runner["hr_offset"] + 17.0 * (6.0 - pace)
          + 0.12 * elev / max(distance, 0.1) + 0.4 * max(0.0, temp - 18.0)
          + rng.gauss(0, 6.0))
    hr = int(round(clip(hr, 92, 199)))

    # --- notes ----------------------------------------------------------------
    u = rng.random()
    if u < 0.006:
        notes = rng.choice(NOTES_TRICKY)
    elif u < 0.10:
        notes = rng.choice(NOTES_PLAIN)
    else:
        notes = ""

    return {
        "runner": runner["id"], "route": name, "surface": surface,
        "distance_km": distance, "elevation_gain_m": elev,
        "pace_min_per_km": pace,
        "avg_heart_rate": None if rng.random() < HR_MISSING[split] else hr,
        "temperature_c": temp, "time_of_day": tod, "started_at": started,
        "suggested": suggested, "notes": notes, "completed": completed,
    }


def inject_flaws(rng, split, rows):
    """Overwrite a few rows with realistic recording errors."""
    idx = list(range(len(rows)))
    rng.shuffle(idx)
    pos = 0
    for kind in ("pace_glitch", "zero_distance", "neg_elev", "nan_temp"):
        for _ in range(FLAWS[split][kind]):
            row = rows[idx[pos]]
            pos += 1
            if kind == "pace_glitch":      # GPS jump: absurdly fast
                row["pace_min_per_km"] = rng.uniform(0.25, 0.6)
            elif kind == "zero_distance":  # GPS never locked
                row["distance_km"] = 0.0
            elif kind == "neg_elev":       # barometer drift
                row["elevation_gain_m"] = -rng.randint(3, 45)
            elif kind == "nan_temp":       # weather lookup failed
                row["temperature_c"] = float("nan")


def fmt(row, with_label):
    t = row["temperature_c"]
    out = [
        row["run_id"], row["runner"], row["route"], row["surface"],
        "%.2f" % row["distance_km"], row["elevation_gain_m"],
        "%.2f" % row["pace_min_per_km"],
        "" if row["avg_heart_rate"] is None else row["avg_heart_rate"],
        "NaN" if math.isnan(t) else "%.1f" % t,
        row["time_of_day"], row["started_at"].isoformat(timespec="seconds"),
        row["suggested"], row["notes"],
    ]
    if with_label:
        out.append(row["completed"])
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(SEED)
    runners = make_runners(rng)
    weights = [r["weight"] for r in runners]
    for split in ("train", "eval", "serving"):
        chosen = rng.choices(runners, weights=weights, k=SIZES[split])
        rows = [make_run(rng, split, r) for r in chosen]
        rows.sort(key=lambda r: (r["started_at"], r["runner"]))
        for i, row in enumerate(rows):
            row["run_id"] = FIRST_RUN_ID[split] + i
        inject_flaws(rng, split, rows)
        with_label = split != "serving"
        header = HEADER if with_label else HEADER[:-1]
        path = os.path.join(here, split + ".csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(header)
            for row in rows:
                w.writerow(fmt(row, with_label))
        print("wrote %s (%d rows)" % (path, len(rows)))


if __name__ == "__main__":
    main()
