#!/usr/bin/env python3
"""Writes the weak-supervision example (fixed seed, so the files are reproducible).

reviews.csv: 1,000 product reviews (id, product, stars, text, legacy_model) whose true sentiment is hidden; the text
mixes positive and negative phrases with noise, stars follow the sentiment loosely, a few products were recalled,
and legacy_model is an old classifier's output (pos/neg, empty when it was down), right about 75% of the time.
gold.csv: the true label of 150 reviews (a labeled dev set). ratings.csv: two human raters on 60 reviews
(one careful, one careless). lfs.yaml and recalled.txt are written by hand. N=200000 writes more reviews (into
the current directory) for a larger run.
"""
import csv
import os
import random

rng = random.Random(20261206)
products = ["P-%03d" % i for i in range(1, 41)]
recalled = {"P-007", "P-013", "P-029"}
positive = ["great", "love it", "excellent", "works perfectly", "highly recommend", "five stars", "sturdy",
            "fast shipping", "happy with it", "good value"]
negative = ["broke", "refund", "terrible", "stopped working", "waste of money", "returned it", "disappointed",
            "cheap plastic", "does not fit", "never again"]
neutral = ["arrived on tuesday", "bought it for my son", "the box was blue", "it is a phone case", "as described",
           "second order", "color is grey", "used it twice"]
rows, truth = [], {}
for i in range(int(os.environ.get("N", "1000"))):
    rid = "rv-%04d" % i
    product = rng.choice(products)
    label = "negative" if (product in recalled and rng.random() < 0.8) or rng.random() < 0.35 else "positive"
    own, other = (positive, negative) if label == "positive" else (negative, positive)
    phrases = []
    for _ in range(rng.choice([0, 1, 1, 2])):
        phrases.append(rng.choice(own))
    if rng.random() < 0.15:
        phrases.append(rng.choice(other))
    for _ in range(rng.choice([1, 1, 2])):
        phrases.append(rng.choice(neutral))
    rng.shuffle(phrases)
    text = ", ".join(phrases).capitalize() + "."
    if label == "positive":
        stars = rng.choices([1, 2, 3, 4, 5], [2, 3, 10, 35, 50])[0]
    else:
        stars = rng.choices([1, 2, 3, 4, 5], [45, 30, 15, 7, 3])[0]
    model = "" if rng.random() < 0.2 else (label[:3] if rng.random() < 0.75 else ("neg" if label == "positive" else "pos"))
    rows.append([rid, product, stars, text, model])
    truth[rid] = label

with open("reviews.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "product", "stars", "text", "legacy_model"])
    w.writerows(rows)
ids = [r[0] for r in rows]
with open("gold.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "label"])
    for rid in sorted(rng.sample(ids, 150)):
        w.writerow([rid, truth[rid]])
with open("ratings.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["item", "rater", "label"])
    for rid in sorted(rng.sample(ids, 60)):
        for rater, accuracy in (("ann", 0.95), ("bob", 0.6)):
            right = rng.random() < accuracy
            w.writerow([rid, rater, truth[rid] if right else ("negative" if truth[rid] == "positive" else "positive")])
