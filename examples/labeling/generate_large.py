#!/usr/bin/env python3
"""Writes large-predictions.csv (2,000,000 rows, 72 MB) and large-outcomes.csv (about 600,000 rows, 14 MB) in the
current directory: the input of the larger-than-memory figure in README.md's Labeling section.

  python3 examples/labeling/generate_large.py
  VERACITY_HEAP=256m ./veracity label join --predictions large-predictions.csv --outcomes large-outcomes.csv \\
      --key prediction_id --prediction-time ts --outcome-time ts --outcome-label value --window 6h \\
      --missing negative --memory 48m -o large-labeled.csv
"""
import random

rng = random.Random(5)
base = 1714521600
with open("large-predictions.csv", "w") as f, open("large-outcomes.csv", "w") as g:
    f.write("prediction_id,ts,user_id,score\n")
    g.write("prediction_id,ts,value\n")
    for i in range(2_000_000):
        t = base + rng.randrange(30 * 86400)
        f.write("p%08d,%d,u%06d,%.4f\n" % (i, t, rng.randrange(100000), rng.random()))
        if rng.random() < 0.3:
            g.write("p%08d,%d,%d\n" % (i, t + int(rng.expovariate(1 / 3600.0)), rng.randrange(3)))
