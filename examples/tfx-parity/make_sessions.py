#!/usr/bin/env python3
"""Writes sessions.tfrecord: tf.train.SequenceExamples of app sessions, without TensorFlow.

Context features: user_id (int), country (bytes), weight (float). Feature lists: page (bytes per step), dwell_s
(float per step), clicks (int per step). Deterministic; run: python3 make_sessions.py
"""
import random
import struct

POLY = 0x82F63B78
TABLE = []
for i in range(256):
    c = i
    for _ in range(8):
        c = (c >> 1) ^ POLY if c & 1 else c >> 1
    TABLE.append(c)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(number, payload):
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def feature(kind, values):
    if values is None:
        return b""  # a step with no list set
    if kind == "int":
        return field(3, field(1, b"".join(varint(v) for v in values)))
    if kind == "float":
        return field(2, field(1, b"".join(struct.pack("<f", v) for v in values)))
    return field(1, b"".join(field(1, v.encode()) for v in values))


def features(entries):
    return b"".join(field(1, field(1, k.encode()) + field(2, v)) for k, v in entries)


def sequence_example(context, lists):
    feature_lists = b"".join(
        field(1, field(1, name.encode()) + field(2, b"".join(field(1, step) for step in steps)))
        for name, steps in lists
    )
    return field(1, features(context)) + field(2, feature_lists)


def main():
    rng = random.Random(7)
    pages = ["home", "search", "item", "cart", "checkout"]
    with open("sessions.tfrecord", "wb") as out:
        for user in range(200):
            context = [("user_id", feature("int", [user])), ("weight", feature("float", [rng.choice([1.0, 2.0])]))]
            if user % 10:
                context.append(("country", feature("bytes", [rng.choice(["de", "fr", "us"])])))
            steps = rng.randint(0, 6)
            lists = [
                ("page", [feature("bytes", [rng.choice(pages)]) for _ in range(steps)]),
                ("dwell_s", [feature("float", [round(rng.expovariate(0.1), 1)]) for _ in range(steps)]),
            ]
            if user % 4:
                lists.append(("clicks", [feature("int", None if rng.random() < 0.1 else
                                                 [rng.randint(0, 3) for _ in range(rng.randint(1, 2))])
                                         for _ in range(steps)]))
            record = sequence_example(context, lists)
            length = struct.pack("<Q", len(record))
            out.write(length + struct.pack("<I", masked(length)) + record + struct.pack("<I", masked(record)))


if __name__ == "__main__":
    main()
