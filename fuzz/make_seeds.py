#!/usr/bin/env python3
"""Writes the seed corpora of fuzz/corpus/<target>/ from the Java 4.9.8 golden vectors
(test/vectors): captured frames, headers, bodies, stored records, configs and ACL files.
Run from the repository root; rewrites the seed files it names (seed-*), keeps the others."""
import glob
import json
import os
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEC = os.path.join(ROOT, "test", "vectors")
OUT = os.path.join(ROOT, "fuzz", "corpus")
MAX_SEED = 8192


def put(target, name, data):
    if len(data) > MAX_SEED:
        return
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def frames():
    for path in sorted(glob.glob(os.path.join(VEC, "*.jsonl"))):
        if "stream" in path:
            continue
        base = os.path.basename(path)[:-6]
        for i, line in enumerate(open(path)):
            yield base, i, json.loads(line)


def main():
    seen = set()
    for base, i, r in frames():
        frame = bytes.fromhex(r["frame_hex"])
        key = (r.get("code_name"), r["serialize_type"], r["dir"])
        first = key not in seen
        seen.add(key)
        if not first:
            continue
        tag = "%s-%d" % (base, i)
        header = frame[8:8 + r["header_len"]]
        body = frame[8 + r["header_len"]:]
        # frame_decoder: chunk size byte, max-frame byte (255 -> 16 KiB), then the frame twice.
        put("frame_decoder", tag, bytes([7, 255]) + frame + frame)
        put("json_header" if r["serialize_type"] == 0 else "binary_header", tag, header)
        if body[:1] in (b"{", b"["):
            put("json_dialect", tag, body)
        code = r.get("code_name")
        if code == "SEND_BATCH_MESSAGE" and r["dir"] == "request":
            put("batch_body", tag, body)
        if code in ("SUCCESS",) and len(body) > 20 and body[4:8] in (
                b"\xda\xa3\x20\xa7", b"\xda\xa3\x20\xab"):
            put("stored_message", tag, b"\x00" + body)
    log = os.path.join(VEC, "store-clean", "commitlog", "00000000000000000000")
    data = open(log, "rb").read(1 << 16)
    pos = 0
    n = 0
    while pos + 8 <= len(data) and n < 8:
        size = struct.unpack(">i", data[pos:pos + 4])[0]
        if size <= 0 or pos + size > len(data):
            break
        put("stored_message", "commitlog-%d" % n, b"\x00" + data[pos:pos + size])
        pos += size
        n += 1
    for path in sorted(glob.glob(os.path.join(VEC, "conf", "*"))):
        put("broker_conf", os.path.basename(path), open(path, "rb").read())
    for path in sorted(glob.glob(os.path.join(VEC, "mqadmin", "**", "*.yml"), recursive=True)):
        put("plain_acl", os.path.basename(os.path.dirname(path)) + ".yml", open(path, "rb").read())


if __name__ == "__main__":
    main()
