"""Two 1M-row CSVs for `veracity skew`: train.csv and serving.csv in the current directory (~50 MB each).

serving.csv is train.csv shuffled, without 1% of the ids, with amount x1000 (a unit change), 2% of countries redrawn
and half the scores nudged by 1e-9. Deterministic (seed 7). Usage: python3 bench/skew/generate.py
"""
import random
random.seed(7)
N = 1_000_000
countries = ["fr", "de", "us", "jp", "br", "in", "ng", "ca"]
with open("train.csv", "w") as t:
    t.write("id,user,amount,count,country,score,flag\n")
    rows = []
    for i in range(N):
        amount = round(random.uniform(1, 500), 2)
        row = (i, "u%07d" % random.randrange(200000), amount, random.randrange(100), random.choice(countries),
               random.random(), random.randrange(2))
        t.write("%d,%s,%s,%d,%s,%r,%d\n" % row)
        rows.append(row)
order = list(range(N))
random.shuffle(order)
with open("serving.csv", "w") as s:
    s.write("id,user,amount,count,country,score,flag\n")
    for i in order:
        if random.random() < 0.01:
            continue
        r = rows[i]
        country = r[4] if random.random() > 0.02 else random.choice(countries)
        score = r[5] + (1e-9 if random.random() < 0.5 else 0)
        s.write("%d,%s,%s,%d,%s,%r,%d\n" % (r[0], r[1], round(r[2] * 1000, 2), r[3], country, score, r[6]))
