#!/usr/bin/env python3
"""Generates storage-ops/src/test/resources/storage-cases.jsonl, the one table of storage cases.

Each row is a Set as the CLI reads it -- {"value": current, "default": d, "operations": [...]}
("value" left out when the key is missing, "default" when there is none) -- plus a name and the
expected outcome, {"value": result} or {"error": KIND, "operation": name}.

Expected values come from Python itself: the operations below mirror the reference server's
modify_functions as described in shared/spec/reference-server.md section 1.1 (written from the
spec, not copied), and apwire's safety policy is applied around them (sizes bounded before
computing, non-finite and complex results rejected, printf limited to %s %d %i %% %(name)s).
Python exceptions map to apwire's StorageErrorKind names.

Run from the repository root:
    python3 storage-ops/src/test/python/gen_storage_cases.py > storage-ops/src/test/resources/storage-cases.jsonl
"""
import copy
import json
import math
import operator
import random
import re
import sys

MAX_DIGITS = 4300
MAX_LEN = 1_000_000
INT_BOUND = 10 ** MAX_DIGITS
MISSING = object()

# ---- the reference semantics (spec section 1.1)


def remove_from_list(container, value):
    try:
        container.remove(value)
    except ValueError:
        pass
    return container


def pop_from_container(container, value):
    if isinstance(container, list) and isinstance(value, int) and len(container) <= value:
        return container
    if isinstance(container, dict) and value not in container:
        return container
    try:
        container.pop(value)
    except ValueError:
        pass
    return container


def update_container_unique(container, entries):
    if isinstance(container, list):
        existing = set(container)
        container.extend([e for e in entries if e not in existing])
    else:
        container.update(entries)
    return container


REFERENCE = {
    "replace": lambda old, new: new,
    "default": lambda old, new: old,
    "add": operator.add,
    "mul": operator.mul,
    "pow": operator.pow,
    "mod": operator.mod,
    "floor": lambda value, _: math.floor(value),
    "ceil": lambda value, _: math.ceil(value),
    "max": max,
    "min": min,
    "and": operator.and_,
    "or": operator.or_,
    "xor": operator.xor,
    "left_shift": operator.lshift,
    "right_shift": operator.rshift,
    "remove": remove_from_list,
    "pop": pop_from_container,
    "update": update_container_unique,
}

# ---- apwire's policy around it


class Refused(Exception):
    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def is_int(v):
    return isinstance(v, int)


def check_format(fmt, arg):
    """apwire supports %s %d %i %% and %(name) with those; anything else is refused where it stands."""
    i = 0
    while True:
        i = fmt.find("%", i)
        if i < 0 or i + 1 >= len(fmt):
            return
        j = i + 1
        if fmt[j] == "(":
            depth, j = 1, j + 1
            while j < len(fmt) and depth:
                depth += {"(": 1, ")": -1}.get(fmt[j], 0)
                j += 1
            if depth or j >= len(fmt):
                return  # Python reports the incomplete format itself
        if fmt[j] not in "sdi%":
            try:
                fmt[:i] % arg
            except TypeError as e:
                if "not all arguments converted" not in str(e):
                    raise
            raise Refused("INVALID_VALUE")
        i = j + 1


def precheck(name, cur, val):
    if name == "pow" and is_int(cur) and is_int(val) and val > 0 and abs(cur) > 1:
        if val * math.log10(abs(cur)) > MAX_DIGITS + 2:
            raise Refused("TOO_LARGE")
    if name == "left_shift" and is_int(cur) and is_int(val) and val >= 0 and cur != 0:
        if cur.bit_length() - 1 + val > MAX_DIGITS * 3.33:
            raise Refused("TOO_LARGE")
    if name == "mul":
        for seq, n in ((cur, val), (val, cur)):
            if isinstance(seq, (str, list)) and is_int(n):
                if not -2 ** 63 <= n < 2 ** 63:
                    raise Refused("TOO_LARGE")
                if len(seq) * max(n, 0) > MAX_LEN:
                    raise Refused("TOO_LARGE")
    if name == "mod" and isinstance(cur, str):
        check_format(cur, val)


def postcheck(result):
    if isinstance(result, complex):
        raise Refused("COMPLEX_RESULT")
    if isinstance(result, float) and not math.isfinite(result):
        raise Refused("NOT_FINITE")
    if isinstance(result, int) and not isinstance(result, bool) and abs(result) >= INT_BOUND:
        raise Refused("TOO_LARGE")
    if isinstance(result, (str, list, dict)) and len(result) > MAX_LEN:
        raise Refused("TOO_LARGE")


def kind_of(e):
    if isinstance(e, Refused):
        return e.kind
    if isinstance(e, (TypeError, AttributeError)):
        return "TYPE_MISMATCH"
    if isinstance(e, ZeroDivisionError):
        return "DIVISION_BY_ZERO"
    if isinstance(e, IndexError):
        return "INDEX_OUT_OF_RANGE"
    if isinstance(e, KeyError):
        return "INVALID_VALUE"  # a %(name)s key missing from the argument
    if isinstance(e, MemoryError):
        return "TOO_LARGE"
    if isinstance(e, ValueError):
        return "NEGATIVE_SHIFT" if "negative shift count" in str(e) else "INVALID_VALUE"
    if isinstance(e, OverflowError):
        msg = str(e)
        if "Numerical result out of range" in msg:
            return "NOT_FINITE"
        if "C ssize_t" in msg:
            return "INDEX_OUT_OF_RANGE"
        if "too large to convert to float" in msg or "index-sized" in msg:
            return "TOO_LARGE"
    raise AssertionError(f"unmapped exception {type(e).__name__}: {e}")


def run(row):
    """The expected outcome of a row, as the reference would compute it under apwire's policy."""
    value = row["value"] if "value" in row else row["default"] if "default" in row else 0
    value = copy.deepcopy(value)
    for op in row["operations"]:
        if not isinstance(op, dict):
            return {"error": "MALFORMED_OPERATION", "operation": None}
        if "operation" not in op:
            return {"error": "MALFORMED_OPERATION", "operation": None}
        name = op["operation"]
        if not isinstance(name, str) or name not in REFERENCE:
            return {"error": "UNKNOWN_OPERATION", "operation": name if isinstance(name, str) else None}
        if "value" not in op:
            return {"error": "MALFORMED_OPERATION", "operation": name}
    for op in row["operations"]:
        name = op["operation"]
        arg = copy.deepcopy(op["value"])
        try:
            precheck(name, value, arg)
            value = REFERENCE[name](value, arg)
            postcheck(value)
        except Exception as e:  # noqa: BLE001 - every failure is an expected outcome here
            return {"error": kind_of(e), "operation": name}
    return {"value": value}


# ---- the cases

# One value of each JSON type, and then some: every operation meets every one of them, both ways.
REPS = [None, True, False, 0, 7, -7, 3 * 2 ** 64, 2.5, -0.5, "ab", "", "%s!", [1, "a", 2.5], [], [[1], 1],
        {"a": 1}, {}]


def case(name, ops, value=MISSING, default=MISSING):
    row = {"name": name}
    if value is not MISSING:
        row["value"] = value
    if default is not MISSING:
        row["default"] = default
    row["operations"] = [o if isinstance(o, dict) or not isinstance(o, tuple) else {"operation": o[0], "value": o[1]} for o in ops]
    return row


def special():
    c = []
    add = c.append
    # Set-level starting values (section 1.2 step 3)
    add(case("missing key starts at 0", [("add", 5)]))
    add(case("missing key starts at the default", [("add", 5)], default=10))
    add(case("an explicit null default is a default", [("replace", None), ("default", 1)], default=None))
    add(case("stored value wins over the default", [("add", 1)], value=1, default=10))
    add(case("no operations keeps the default", [], default=[1]))
    add(case("operations chain in order", [("add", 2), ("mul", 3), ("pow", 2), ("mod", 7)], value=1))
    # malformed operations
    add(case("unknown operation", [("frobnicate", 1)], value=1))
    add(case("unknown operation after a valid one", [("add", 1), ("frobnicate", 1)], value=1))
    add(case("missing operation", [{"value": 1}], value=1))
    add(case("missing value", [{"operation": "add"}], value=1))
    add(case("missing value on floor", [{"operation": "floor"}], value=1.5))
    add(case("unknown name reported before a missing value", [{"operation": "nope"}], value=1))
    add(case("operation entry not an object", [5], value=1))
    add(case("extra members of an operation are fine", [{"operation": "add", "value": 1, "tag": "x"}], value=1))
    # numbers
    for a, b in [(-7, 3), (7, -3), (-7.5, 2), (7.5, -2), (-0.0, 3), (0.0, -3), (7, 2.5), (10 ** 20, 3.0), (True, 2),
                 (-(2 ** 63), -1), (2 ** 100, -(2 ** 65)), (-(2 ** 100), 2 ** 65 + 1), (1e308, 1e-308)]:
        add(case(f"mod {a!r} {b!r}", [("mod", b)], value=a))
    for a, b in [(7, 0), (7, 0.0), (7.5, 0), (True, False), (2 ** 70, 0)]:
        add(case(f"mod by zero {a!r} {b!r}", [("mod", b)], value=a))
    for a, b in [(2, -1), (2, -2), (-8, -1), (0, -1), (0.0, -1.0), (4, 0.5), (-8, 1 / 3), (-8.0, 0.5), (-8.0, 2.0),
                 (-2.0, 3), (-2, 3), (2.0, 2000), (2.0, -2000), (10, -400), (0, 0), (0.0, 0.0), (-0.0, 3), (-0.0, 2),
                 (1, 10 ** 30), (-1, 10 ** 30 + 1), (-1, 10 ** 30), (0, 10 ** 30), (2, 10 ** 15), (3, 10 ** 7),
                 (10, 4299), (10, 4300), (2, 14284), (2, 14285), (2 ** 64 + 1, 200), (-(10 ** 100), 43), (-(10 ** 100), 42),
                 (1.5, 10 ** 400), (True, True), (False, False), (True, -1), (2, 0.5), (1e200, 2), (-1.0, 0.5), (1.0, 1e300)]:
        add(case(f"pow {a!r} {b!r}"[:80], [("pow", b)], value=a))
    for a, b in [(1e308, 10), (1e308, 1e308), (-1e308, -1e308), (1e308, 2 ** 80), (10 ** 400, 1.5), (2 ** 1023, 2.0 ** 1023),
                 (10 ** 4299, 10), (9 * 10 ** 4299, 1), (10 ** 4300 - 1, 1), (10 ** 4300 - 2, 1), (-(10 ** 4300 - 1), -1),
                 (2 ** 63 - 1, 1), (-(2 ** 63), -1), (0.1, 0.2), (True, True), (True, 0.5)]:
        add(case(f"add {a!r} {b!r}"[:80], [("add", b)], value=a))
        add(case(f"mul {a!r} {b!r}"[:80], [("mul", b)], value=a))
    for a in [1.5, -1.5, -0.5, 0.5, 1e300, -1e300, 2.0 ** 53 + 1, 4503599627370495.5, True, False, 3, 2 ** 80, -0.0]:
        add(case(f"floor {a!r}", [("floor", None)], value=a))
        add(case(f"ceil {a!r}", [("ceil", None)], value=a))
    for a, b in [(1, 1.0), (1.0, 1), (True, 1), (1, True), (2 ** 53 + 1, 2.0 ** 53), (2.0 ** 53, 2 ** 53 + 1), ("b", "ab"),
                 ("\uffff", "\U0001F600"), ([1, 2], [1, 3]), ([1], [1, 0]), ([1], [1.0]), ([1, 2], [1, "a"]), ([1], ["a"]),
                 ([[1, 2]], [[1, 3]]), ([], [None]), ([None], []), ({"a": 1}, {"a": 1}), (None, None), (1, "a"), (0.5, True)]:
        add(case(f"max {a!r} {b!r}", [("max", b)], value=a))
        add(case(f"min {a!r} {b!r}", [("min", b)], value=a))
    for a, b in [(12, 10), (-1, 5), (True, 3), (2 ** 70, 2 ** 70 + 1), (-(2 ** 70), 7), ({"a": 1, "b": 2}, {"a": 3, "c": 4})]:
        for o in ("and", "or", "xor"):
            add(case(f"{o} {a!r} {b!r}", [(o, b)], value=a))
    for a, b in [(1, 10), (-3, 2), (1, -1), (0, -1), (0, 10 ** 20), (1, 10 ** 20), (1, 14284), (1, 14285), (3, 14283),
                 (1, 10 ** 9), (True, True), (2 ** 70, 3), (-1, 2 ** 63)]:
        add(case(f"left_shift {a!r} {b!r}", [("left_shift", b)], value=a))
    for a, b in [(-8, 1), (-1, 100), (1, 10 ** 20), (-5, 10 ** 20), (5, -1), (2 ** 70, 3), (-(2 ** 70), 69), (True, True)]:
        add(case(f"right_shift {a!r} {b!r}", [("right_shift", b)], value=a))
    # exact int/float comparison and hashing around 2**63 and beyond
    for a, b in [(2 ** 63, 2.0 ** 63), (2 ** 63 - 1, 2.0 ** 63), (-(2 ** 63), -(2.0 ** 63)), (-(2 ** 63) - 1, -(2.0 ** 63)),
                 (2 ** 64, 1.5), (-(2 ** 64), 1.5), (2 ** 70 + 1, 2.0 ** 70), (10 ** 300, 1e300), (int(1e300), 1e300),
                 (-3, -2.5), (-2, -2.5), (0, -0.0), (5, 4.999999999999999), (2 ** 53 + 1, 2.0 ** 53 + 2)]:
        add(case(f"max {a!r} {b!r}", [("max", b)], value=a))
        add(case(f"min {b!r} {a!r}", [("min", a)], value=b))
        add(case(f"remove {b!r} from [{a!r}]", [("remove", b)], value=[a, "x"]))
        add(case(f"update [{a!r}] with {b!r}", [("update", [b, a, b])], value=[a]))
        add(case(f"update [{b!r}] with {a!r}", [("update", [a])], value=[b]))
    # sequences
    for a, b in [("ab", 3), ("ab", -2), ("ab", True), (3, "ab"), ([1, [2]], 2), ("", 10 ** 15), ("a", 10 ** 6), ("ab", 500_001),
                 ("a", 10 ** 9), ([1], 10 ** 9), ([], 10 ** 18), ("a", 10 ** 20), ("a", -(10 ** 20)), ("\U0001F600", 3),
                 ("\U0001F600", 500_000), ("\U0001F600", 1_000_001)]:
        add(case(f"mul {a!r} {b!r}"[:80], [("mul", b)], value=a))
    add(case("add strings", [("add", "cd")], value="ab"))
    add(case("add lists makes a new list", [("add", [[3]])], value=[1, 2]))
    add(case("add dicts is a type error", [("add", {"b": 2})], value={"a": 1}))
    # printf formatting of strings
    for fmt, arg in [("hello %s", "world"), ("%s", 1.0), ("%s", True), ("%s", None), ("%s", [1, "a", None, True, 1.5, {"k": "v"}]),
                     ("%d", 3.7), ("%i", -3.7), ("%d", True), ("%d", "x"), ("%d items", [1]), ("100%%", []), ("100%%", 5),
                     ("100%%", {}), ("%(a)s and %(b)s", {"a": 1, "b": [2]}), ("%(c)s", {"a": 1}), ("%(a)s", 5), ("%(a)s", [1]),
                     ("%(a)d", {"a": 2.5}), ("%s %(a)s", {"a": 1}), ("%(a)s %s", {"a": 1}), ("%x", 5), ("%5s", "a"), ("%r", "a"),
                     ("%s %s", "a"), ("abc", "x"), ("abc", [1]), ("abc %", 1), ("%z", 1), ("%s", [1, 2]), ("%s %s", [1, 2]),
                     ("%s", {"a": [1, {"b": None}]}), ("%s", ["it's", "a\nb", "\x7f\u00e9\u200b", 'q"', "\\", "\U0001F600", "\t\r"]),
                     ("%s", "it's"), ("%s", [1e16, 1e-5, 0.1, 123456789012345678.0, 1e22, -0.0, 0.0001, 1e15, 2.5e-310, 5e-324]),
                     ("%d", 1e300), ("%s", 2 ** 80), ("%(a", {"a": 1}), ("%s %x", {"a": 1}), ("%s", "")]:
        add(case(f"format {fmt!r} % {arg!r}"[:80], [("mod", arg)], value=fmt))
    # remove
    for a, b in [([1, True, 1.0], 1.0), ([True, 1], 1), ([[1], [2]], [1]), ([{"a": 1}], {"a": 1.0}), ([1, 2], 3), ([], 1),
                 ([None, 0], None), ("abc", "a"), ({"a": 1}, "a"), (5, 5), (None, None)]:
        add(case(f"remove {a!r} {b!r}", [("remove", b)], value=a))
    # pop
    for a, b in [([1, 2, 3], 0), ([1, 2, 3], True), ([1, 2, 3], 5), ([1, 2, 3], -1), ([1, 2, 3], -3), ([1, 2, 3], -4), ([], 0),
                 ([], -1), ([1], 1.0), ([1], "0"), ([1], None), ([1], [0]), ([1], 10 ** 20), ([1], -(10 ** 20)),
                 ({"a": 1, "b": 2}, "a"), ({"a": 1}, "b"), ({"1": 1}, 1), ({"a": 1}, [1]), ({"a": 1}, {}), ({"a": 1}, None),
                 ("abc", 0), (5, 0), (None, 0), (2.5, 0)]:
        add(case(f"pop {a!r} {b!r}", [("pop", b)], value=a))
    # update
    for a, b in [([1, 2], [2, 3, 3]), ([1], "ab"), ([1], {"a": 1}), ([1], 5), ([[1]], [2]), ([1], [[2]]), ([1], [1.0, True]),
                 ([], [None, None]), ([], None), ([0], [False, 0.0]), ({"a": 1}, {"b": 2}), ({"a": 1, "b": 2}, {"a": 3}),
                 ({"a": 1}, [["b", 2]]), ({"a": 1}, [["b"]]), ({"a": 1}, ["ab"]), ({"a": 1}, [1]), ({"a": 1}, "x"),
                 ({"a": 1}, ""), ({"a": 1}, 5), ({"a": 1}, None), ({"a": 1}, [[1, 2]]), ({"a": 1}, [[None, 2], [True, 3], [2.5, 4]]),
                 ({}, [{"a": 1, "b": 2}]), ({"a": 1}, [[[1], 2]]), ({"a": 1}, []), ("abc", [1]), (5, [1]), (None, {})]:
        add(case(f"update {a!r} {b!r}", [("update", b)], value=a))
    # atomic chains: a failing later operation after an in-place-like one
    add(case("update then failing add", [("update", {"b": 2}), ("add", 1)], value={"a": 1}))
    add(case("remove then failing pop", [("remove", 1), ("pop", -5)], value=[1, 2]))
    return c


def cross():
    c = []
    for name in REFERENCE:
        for a in REPS:
            for b in REPS:
                c.append(case(f"{name} {a!r} {b!r}", [(name, b)], value=a))
    return c


def randomized():
    """Fixed-seed random numbers: exact big-int arithmetic, and Python's float repr through %s."""
    rnd = random.Random(20261124)
    c = []
    for k in range(20):
        floats = []
        for _ in range(50):
            e = rnd.randint(-330, 308)
            f = rnd.random() * 10.0 ** e * rnd.choice((1, -1))
            floats.append(f if math.isfinite(f) else 1.0)
        c.append(case(f"random float repr {k}", [("mod", floats)], value="%s"))
    for k in range(200):
        name = rnd.choice(["add", "mul", "mod", "pow", "and", "or", "xor", "left_shift", "right_shift", "max", "min", "floor"])
        a = rnd.randint(-(2 ** rnd.randint(1, 300)), 2 ** rnd.randint(1, 300))
        b = rnd.randint(-(2 ** rnd.randint(1, 200)), 2 ** rnd.randint(1, 200))
        if name in ("pow", "left_shift", "right_shift"):
            b = rnd.randint(-3, 700)
        if rnd.random() < 0.2:
            b = b / 7.0 if name not in ("and", "or", "xor", "left_shift", "right_shift") else b
        c.append(case(f"random {name} {k}", [(name, b)], value=a))
    return c


def main():
    out = sys.stdout
    for row in special() + randomized() + cross():
        row["expect"] = run(row)
        out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
