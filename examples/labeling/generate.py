#!/usr/bin/env python3
"""Writes the example logs of `veracity label join` (fixed seed, so the files are reproducible).

predictions.jsonl: what a ranking model scored, as Logstash's json_lines codec writes events (@timestamp is when
Logstash received the event, @version, host.name nested, tags), with a few duplicate deliveries (at-least-once).
outcomes.csv: conversions exported from the order system: the prediction id, when the conversion happened
(event time), when it was logged, and its value; with duplicates, late arrivals, outcomes for unknown predictions
and outcomes dated before their prediction (clock skew).
"""
import csv
import datetime as dt
import json
import random

rng = random.Random(20240501)
start = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)
hosts = ["scorer-1", "scorer-2", "scorer-3"]
pages = ["home", "search", "product", "cart"]


def iso(t):
    return t.isoformat(timespec="milliseconds").replace("+00:00", "Z")


predictions = []
outcomes = []
for i in range(2000):
    t = start + dt.timedelta(seconds=rng.uniform(0, 3 * 86400))
    score = round(rng.random(), 4)
    event = {
        "@timestamp": iso(t + dt.timedelta(milliseconds=rng.randint(5, 900))),
        "@version": "1",
        "host": {"name": rng.choice(hosts)},
        "prediction_id": "p-%06d" % i,
        "user_id": "u-%04d" % rng.randint(1, 500),
        "page": rng.choice(pages),
        "model_version": "ranker-v3" if i % 4 else "ranker-v4",
        "score": score,
        "ts": iso(t),
    }
    predictions.append(event)
    if rng.random() < 0.02:
        predictions.append(dict(event))  # delivered twice
    if rng.random() < score * 0.6:
        delay = rng.expovariate(1 / 5400.0)  # mean 1.5 h
        ot = t + dt.timedelta(seconds=delay)
        logged = ot + dt.timedelta(seconds=rng.expovariate(1 / 120.0))
        if rng.random() < 0.05:
            logged += dt.timedelta(hours=rng.uniform(20, 40))  # a batch re-sent a day later
        value = round(rng.uniform(5, 120), 2)
        row = [event["prediction_id"], iso(ot), iso(logged), value]
        outcomes.append(row)
        if rng.random() < 0.03:
            outcomes.append(list(row))  # exported twice
for i in range(40):  # conversions of predictions that were never logged
    t = start + dt.timedelta(seconds=rng.uniform(0, 3 * 86400))
    outcomes.append(["p-9%05d" % i, iso(t), iso(t + dt.timedelta(seconds=30)), round(rng.uniform(5, 120), 2)])
for i in range(10):  # clock skew: dated before the prediction
    p = rng.choice(predictions)
    t = dt.datetime.fromisoformat(p["ts"].replace("Z", "+00:00")) - dt.timedelta(seconds=rng.uniform(1, 60))
    outcomes.append([p["prediction_id"], iso(t), iso(t + dt.timedelta(seconds=5)), 10.0])

predictions.sort(key=lambda e: e["@timestamp"])
outcomes.sort(key=lambda r: r[2])
with open("predictions.jsonl", "w") as f:
    for e in predictions:
        f.write(json.dumps(e, separators=(",", ":")) + "\n")
with open("outcomes.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["prediction_id", "converted_at", "logged_at", "order_value"])
    w.writerows(outcomes)

# annotations.csv: 300 reviews labeled neg/neu/pos by 3 of 6 raters each (round robin). Instructions v1 for the
# first 150 items, v2 (clearer about "neutral") after; rater "r6" is a spammer who answers at random.
labels = ["neg", "neu", "pos"]
raters = ["r1", "r2", "r3", "r4", "r5", "r6"]
rows = []
turn = 0
for item in range(300):
    truth = rng.choice(labels)
    version = "v1" if item < 150 else "v2"
    accuracy = 0.72 if version == "v1" else 0.86
    for _ in range(3):
        rater = raters[turn % len(raters)]
        turn += 1
        if rater == "r6":
            given = rng.choice(labels)
        elif rng.random() < accuracy:
            given = truth
        else:
            given = rng.choice([l for l in labels if l != truth])
        rows.append(["review-%03d" % item, rater, given, version, rng.randint(4, 60)])
with open("annotations.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["item", "rater", "label", "instruction_version", "seconds"])
    w.writerows(rows)

# reviews.csv: tasks for `veracity label project add-tasks`; the rows with a gold label are gold questions.
texts = ["great phone", "battery died in a day", "it is a phone", "love the screen", "arrived broken",
         "does what it says", "best purchase this year", "refund please", "ok for the price", "camera is superb",
         "stopped charging", "nothing special", "five stars", "terrible support", "works as expected",
         "would buy again", "cheap plastic", "average at best", "exceeded expectations", "worst ever"]
with open("reviews.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "text", "gold"])
    for i, text in enumerate(texts):
        w.writerow(["r-%02d" % (i + 1), text, ""])
    w.writerow(["g-01", "absolutely love it, perfect", "pos"])
    w.writerow(["g-02", "broken on arrival, awful", "neg"])
    w.writerow(["g-03", "it exists", "neu"])
