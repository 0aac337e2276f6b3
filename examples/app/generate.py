#!/usr/bin/env python3
"""Generate the running-app example: one week of daily spans of a route-suggesting app.

Writes, next to this script (Python 3 standard library only, fixed seed, the same bytes on every run):

    suggestions/YYYY-MM-DD.csv   the prediction log: one row per route suggested, with the model's score
    outcomes/YYYY-MM-DD.csv      what the runner did (accepted, completed, rating), for most suggestions
    serving/YYYY-MM-DD.csv       the features as the serving path logged them, keyed by suggestion_id

for the seven days 2026-11-30 .. 2026-12-06. The story (see README.md next to this script):

  * slow drift: the days get colder (temperature falls about 1 C a day) and runs move to the evening;
  * 2026-12-02 is the faulty day: a new route appears ("Harbour Bridge Loop"), the iOS client logs distances in
    miles in the distance_km column (about a third of the rows), and the serving log lacks the weather column;
  * from 2026-12-04 on, a concept change: runs on hilly routes (elevation gain of 150 m or more) are completed far
    less often (the log-odds drop by 3), while routes, lengths and climbs are drawn exactly as before; the model,
    not retrained, decays;
  * 2026-12-06: the cold reaches freezing and it snows (the weather feature drifts).

Usage:  /usr/bin/python3 examples/app/generate.py
"""
import csv
import datetime
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261130
FIRST_DAY = datetime.date(2026, 11, 30)
DAYS = 7
SUGGESTIONS_PER_DAY = 1500
FAULTY_DAY = 3  # 2026-12-02 (day 1 is 2026-11-30)
CONCEPT_DAY = 5  # 2026-12-04: the first day of the concept change
SNOW_DAY = 7  # 2026-12-06
HILLY_M = 150
MILES_PER_KM = 0.621371
OUTCOME_RATE = 0.92
ACCEPT_RATE = 0.9

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
    ("Old Town Cobbles", "road", 4.6, 25),
    ("Forest Fire Road", "trail", 8.8, 180),
]
NEW_ROUTE = ("Harbour Bridge Loop", "road", 7.1, 55)

FIRST_NAMES = ["Ana", "Ben", "Chiara", "Dmitri", "Emma", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kemal", "Lena",
               "Mateo", "Noor", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Ulla", "Viktor", "Wen", "Yara",
               "Zoltán", "Amélie", "Bjørn", "Łucja"]
LAST_NAMES = ["Almeida", "Berger", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Horvath", "Ivanova", "Jensen",
              "Kowalski", "Lindqvist", "Moreau", "Nakamura", "O'Brien", "Petrov", "Quispe", "Rossi", "Schmidt",
              "Tanaka", "Urban", "Varga", "Weber", "Yilmaz", "Zimmermann"]
DOMAINS = ["example.com", "example.org", "example.net"]
RUNNERS = 400

SUGGESTION_COLUMNS = ["suggestion_id", "suggested_at", "runner", "runner_email", "runner_name", "route",
                      "distance_km", "elevation_gain_m", "surface", "time_of_day", "weather", "temperature_c",
                      "p_complete", "prediction"]
SERVING_COLUMNS = ["suggestion_id", "route", "distance_km", "elevation_gain_m", "surface", "time_of_day", "weather",
                   "temperature_c"]
OUTCOME_COLUMNS = ["suggestion_id", "outcome_at", "accepted", "completed", "rating"]
TIMES = ["morning", "lunch", "evening", "night"]
HOURS = {"morning": (6, 10), "lunch": (11, 14), "evening": (17, 21), "night": (21, 24)}


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def runners(rng):
    """Runner id, e-mail and name: the PII of the example."""
    people = []
    for i in range(RUNNERS):
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        local = (first + "." + last).lower().replace("'", "")
        local = local.encode("ascii", "ignore").decode("ascii") + str(10 + i)
        people.append(("u%04d" % (i + 1), local + "@" + rng.choice(DOMAINS), first + " " + last))
    return people


def time_of_day(rng, day):
    """Evening runs rise from 30% to 48% over the week; the rest shrink in proportion."""
    evening = 0.30 + 0.03 * (day - 1)
    rest = (1.0 - evening) / 0.70
    weights = [0.35 * rest, 0.20 * rest, evening, 0.15 * rest]
    return rng.choices(TIMES, weights=weights)[0]


def weather(rng, day, temperature):
    if day >= SNOW_DAY:
        return rng.choices(["clear", "cloudy", "snow"], weights=[0.25, 0.30, 0.45])[0]
    return rng.choices(["clear", "cloudy", "rain"], weights=[0.35, 0.40, 0.25])[0]


def completion_logit(distance_km, elevation_gain_m):
    """The log-odds of completing an accepted run before the change: longer runs are completed less often."""
    return 5.5 - 0.45 * distance_km - 0.002 * elevation_gain_m


def day_rows(rng, day, people):
    date = FIRST_DAY + datetime.timedelta(days=day - 1)
    routes = ROUTES + ([NEW_ROUTE] if day == FAULTY_DAY else [])
    weights = [1.0] * len(ROUTES) + ([0.6] if day == FAULTY_DAY else [])
    mean_temperature = 7.0 - 1.2 * (day - 1)
    suggestions, outcomes, serving = [], [], []
    rows = []
    for n in range(SUGGESTIONS_PER_DAY):
        runner, email, name = rng.choice(people)
        route, surface, length, climb = rng.choices(routes, weights=weights)[0]
        distance = max(1.0, rng.gauss(length, 0.08 * length))
        elevation = max(0, int(round(rng.gauss(climb, 0.1 * climb + 3))))
        tod = time_of_day(rng, day)
        start, end = HOURS[tod]
        second = rng.randrange(start * 3600, end * 3600)
        at = datetime.datetime.combine(date, datetime.time()) + datetime.timedelta(seconds=second)
        temperature = rng.gauss(mean_temperature - (2.0 if tod in ("night", "morning") else 0.0), 2.0)
        weather_value = weather(rng, day, temperature)
        rows.append((at, n, runner, email, name, route, surface, distance, elevation, tod, weather_value,
                     temperature))
    rows.sort(key=lambda r: (r[0], r[1]))
    for i, (at, _, runner, email, name, route, surface, distance, elevation, tod, weather_value, temperature) in \
            enumerate(rows):
        suggestion_id = "s%s-%04d" % (date.strftime("%Y%m%d"), i + 1)
        logit = completion_logit(distance, elevation)
        score = ACCEPT_RATE * sigmoid(logit + rng.gauss(0.0, 0.35))
        logged_distance = distance
        if day == FAULTY_DAY and rng.random() < 0.35:
            logged_distance = distance * MILES_PER_KM  # the iOS client's unit bug
        suggestions.append([suggestion_id, at.strftime("%Y-%m-%dT%H:%M:%S"), runner, email, name, route,
                            "%.2f" % logged_distance, elevation, surface, tod, weather_value, "%.1f" % temperature,
                            "%.4f" % score, 1 if score >= 0.5 else 0])
        serving_row = [suggestion_id, route, "%.2f" % distance, elevation, surface, tod, weather_value,
                       "%.1f" % temperature]
        serving.append(serving_row)
        if rng.random() >= OUTCOME_RATE:
            continue  # the runner never answered: no outcome logged
        true_logit = logit - (3.0 if day >= CONCEPT_DAY and elevation >= HILLY_M else 0.0)
        accepted = rng.random() < ACCEPT_RATE
        completed = accepted and rng.random() < sigmoid(true_logit)
        rating = ""
        if accepted:
            rating = str(max(1, min(5, int(round(rng.gauss(4.2 if completed else 2.6, 0.8))))))
        outcome_at = at + datetime.timedelta(minutes=rng.randrange(30, 600))
        outcomes.append([suggestion_id, outcome_at.strftime("%Y-%m-%dT%H:%M:%S"), int(accepted), int(completed),
                         rating])
    # Outcomes are logged in the order they happen.
    outcomes.sort(key=lambda r: (r[1], r[0]))
    if day == FAULTY_DAY:
        drop = SERVING_COLUMNS.index("weather")
        serving_columns = SERVING_COLUMNS[:drop] + SERVING_COLUMNS[drop + 1:]
        serving = [r[:drop] + r[drop + 1:] for r in serving]
    else:
        serving_columns = SERVING_COLUMNS
    return date, suggestions, outcomes, (serving_columns, serving)


def write(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    rng = random.Random(SEED)
    people = runners(rng)
    for day in range(1, DAYS + 1):
        date, suggestions, outcomes, (serving_columns, serving) = day_rows(rng, day, people)
        name = date.isoformat() + ".csv"
        write(os.path.join(HERE, "suggestions", name), SUGGESTION_COLUMNS, suggestions)
        write(os.path.join(HERE, "outcomes", name), OUTCOME_COLUMNS, outcomes)
        write(os.path.join(HERE, "serving", name), serving_columns, serving)


if __name__ == "__main__":
    main()
