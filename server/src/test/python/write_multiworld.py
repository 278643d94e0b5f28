#!/usr/bin/env python3
"""Writes multiworld files the way Archipelago's generator does, for apwire's test fixtures.

An ``.archipelago`` file is what ``Main.write_multidata`` writes: one format byte (3), then
``zlib.compress(pickle.dumps(multidata), 9)``. The named tuples and enums are pickled under the reference's
module and class names (``NetUtils.NetworkSlot``, ``NetUtils.SlotType``, ``NetUtils.Hint``, ...), declared here
with the reference's fields and its ``ByValue`` reduction, so that the pickle opcodes are the generator's:
``NEWOBJ`` for the named tuples, ``REDUCE`` for the enums, ``EMPTY_SET``/``ADDITEMS`` for sets.

With ``--json`` the same world is also written in apwire's JSON multiworld format (server/MULTIWORLD.md).

Usage (python3 only, no packages; run from the repository root):

    python3 server/src/test/python/write_multiworld.py demo OUT.archipelago [--json OUT.json]
    python3 server/src/test/python/write_multiworld.py linked OUT.archipelago [--json OUT.json]
    python3 server/src/test/python/write_multiworld.py load-world WORLD.json OUT.archipelago [--json OUT.json]
    python3 server/src/test/python/write_multiworld.py shared-lists|deep-lists OUT.archipelago

``shared-lists`` and ``deep-lists`` write hostile files (a value shared 2^40 times through the pickle memo; lists
nested 1000 deep). ``demo`` is the two-player reference world of the captured frames (../shared/spec/frames); ``linked`` adds an
item-link group, a spectator, hints known from the start, entrances and spheres; ``load-world`` converts the
load generator's world description (../shared/bench/load/world-100.json) into a multiworld.
"""

import argparse
import enum
import hashlib
import json
import pickle
import sys
import types
import typing
import zlib

# ---------------------------------------------------------------- NetUtils, as the reference declares it

NetUtils = types.ModuleType("NetUtils")
sys.modules["NetUtils"] = NetUtils


class ByValue:
    """The reference's mixin: an enum member pickles as REDUCE(class, (value,))."""

    def __reduce_ex__(self, prot):
        return self.__class__, (self._value_,)


class SlotType(ByValue, enum.IntFlag):
    spectator = 0b00
    player = 0b01
    group = 0b10


class ClientStatus(ByValue, enum.IntEnum):
    CLIENT_UNKNOWN = 0
    CLIENT_CONNECTED = 5
    CLIENT_READY = 10
    CLIENT_PLAYING = 20
    CLIENT_GOAL = 30


class HintStatus(ByValue, enum.IntEnum):
    HINT_UNSPECIFIED = 0
    HINT_NO_PRIORITY = 10
    HINT_AVOID = 20
    HINT_PRIORITY = 30
    HINT_FOUND = 40


class NetworkItem(typing.NamedTuple):
    item: int
    location: int
    player: int
    flags: int = 0


class NetworkSlot(typing.NamedTuple):
    name: str
    game: str
    type: SlotType
    group_members: typing.Union[typing.List[int], typing.Tuple] = ()


class Hint(typing.NamedTuple):
    receiving_player: int
    finding_player: int
    location: int
    item: int
    found: bool
    entrance: str = ""
    item_flags: int = 0
    status: HintStatus = HintStatus.HINT_UNSPECIFIED


for _cls in (SlotType, ClientStatus, HintStatus, NetworkItem, NetworkSlot, Hint):
    _cls.__module__ = "NetUtils"
    setattr(NetUtils, _cls.__name__, _cls)

# ---------------------------------------------------------------- data packages


def package(items, locations, item_groups=None, location_groups=None):
    """One game's data package as worlds/AutoWorld.py builds it: groups sorted, with Everything and Everywhere."""
    item_groups = dict(item_groups or {})
    location_groups = dict(location_groups or {})
    item_groups["Everything"] = list(items)
    location_groups["Everywhere"] = list(locations)
    pkg = {
        "item_name_groups": {g: sorted(m) for g, m in sorted(item_groups.items())},
        "item_name_to_id": dict(items),
        "location_name_groups": {g: sorted(m) for g, m in sorted(location_groups.items())},
        "location_name_to_id": dict(locations),
    }
    # NetUtils.encode: no ensure_ascii, compact separators, no sort_keys.
    text = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode(pkg)
    pkg["checksum"] = hashlib.sha1(text.encode("utf-8")).hexdigest()
    return pkg


ARCHIPELAGO = package({"Nothing": -1}, {"Cheat Console": -1, "Server": -2})

SERVER_OPTIONS = {
    "hint_cost": 10,
    "location_check_points": 1,
    "release_mode": "auto",
    "collect_mode": "auto",
    "remaining_mode": "goal",
    "countdown_mode": "auto",
    "password": "sesame",
}

PEBBLE_QUEST = package(
    {"Red Pebble": 1001, "Blue Pebble": 1002, "Golden Key": 1003, "Pebble Trap": 1004},
    {"Pebble Cave": 2001, "Pebble Hill": 2002, "Pebble Lake": 2003},
    {"Pebbles": ["Blue Pebble", "Red Pebble"]},
    {"Outdoors": ["Pebble Hill", "Pebble Lake"]})
LANTERN_RUN = package(
    {"Lantern Oil": 3001, "Wick": 3002},
    {"Dark Hall": 4001, "Stair Top": 4002, "Crypt": 4003})

# ---------------------------------------------------------------- worlds


def multidata(seed_name, slots, locations, slot_data, precollected, datapackage, hints=None, er_hint_data=None,
              spheres=None):
    """The dict Main.write_multidata writes, keys in its order. slots: {slot: NetworkSlot}; datapackage: the
    played games in slot order, then Archipelago, as Main builds it."""
    players = [s for s, info in slots.items() if info.type != SlotType.group]
    return {
        "slot_data": slot_data,
        "slot_info": slots,
        "connect_names": {info.name: (0, slot) for slot, info in slots.items()},
        "locations": locations,
        "checks_in_area": {},
        "server_options": dict(SERVER_OPTIONS),
        "er_hint_data": er_hint_data or {},
        "precollected_items": precollected,
        "precollected_hints": hints if hints is not None else {slot: set() for slot in slots},
        "version": (0, 6, 2),
        "tags": ["AP"],
        "minimum_versions": {"server": (0, 5, 0), "clients": {slot: (0, 5, 0) for slot in players}},
        "seed_name": seed_name,
        "spheres": spheres or [],
        "datapackage": datapackage,
        "race_mode": 0,
    }


def demo():
    """The reference world of the captured frames: Alice plays Pebble Quest, Bob plays Lantern Run."""
    slots = {1: NetworkSlot("Alice", "Pebble Quest", SlotType.player, []),
             2: NetworkSlot("Bob", "Lantern Run", SlotType.player, [])}
    locations = {
        1: {2001: (3001, 2, 0b001), 2002: (1002, 1, 0), 2003: (3002, 2, 0b010)},
        2: {4001: (1003, 1, 0b001), 4002: (1001, 1, 0), 4003: (1004, 1, 0b100)},
    }
    slot_data = {1: {"goal": "collect pebbles", "pebbles_needed": 2}, 2: {"lantern_colour": "amber"}}
    return multidata("48213906571023846519", slots, locations, slot_data, {1: [1001], 2: []},
                     {"Pebble Quest": PEBBLE_QUEST, "Lantern Run": LANTERN_RUN, "Archipelago": ARCHIPELAGO})


def linked():
    """Three players, a spectator and an item-link group of the two Pebble Quest players."""
    slots = {1: NetworkSlot("Alice", "Pebble Quest", SlotType.player, []),
             2: NetworkSlot("Bob", "Lantern Run", SlotType.player, []),
             3: NetworkSlot("Carol", "Pebble Quest", SlotType.player, []),
             4: NetworkSlot("Sam", "Pebble Quest", SlotType.spectator, []),
             5: NetworkSlot("Pebble Link", "Pebble Quest", SlotType.group, [1, 3])}
    locations = {
        1: {2001: (3001, 2, 0b001), 2002: (1002, 5, 0), 2003: (3002, 2, 0b010)},
        2: {4001: (1003, 5, 0b001), 4002: (1001, 5, 0), 4003: (1004, 3, 0b100)},
        3: {2001: (1003, 1, 0b001), 2002: (3001, 2, 0b001), 2003: (1001, 3, 0)},
        4: {},
    }
    slot_data = {1: {"goal": "collect pebbles", "pebbles_needed": 2, "ratio": 0.5, "tags": ["a", "b"],
                     "nested": {"deep": [1, [2, [3]]], "none": None, "flag": True}},
                 2: {"lantern_colour": "amber", "name": "Lantern \u00e9\u2603\U0001d11e"},
                 3: {}, 4: {}}
    priority = Hint(5, 2, 4001, 1003, False, "", 0b001, HintStatus.HINT_PRIORITY)
    start = Hint(2, 1, 2003, 3002, False, "Behind the waterfall", 0b010, HintStatus.HINT_UNSPECIFIED)
    # Main.precollect_hint: a hint goes to its finder and its receiver, or the receiving group's members.
    hints = {1: {start, priority}, 2: {priority, start}, 3: {priority}, 4: set(), 5: set()}
    er_hint_data = {1: {2003: "Behind the waterfall"}}
    spheres = [{1: {2002}, 2: {4002}}, {1: {2001, 2003}, 2: {4001, 4003}, 3: {2001, 2002, 2003}}]
    return multidata("11111111112222222222", slots, locations, slot_data, {1: [1001], 2: [], 3: [1002], 4: []},
                     {"Pebble Quest": PEBBLE_QUEST, "Lantern Run": LANTERN_RUN, "Archipelago": ARCHIPELAGO},
                     hints, er_hint_data, spheres)


def shared_lists():
    """Hostile: the demo world whose slot data holds a list shared 2^40 times through the pickle memo. The file is
    small; copying the value out would never end. A reader must bound the values it builds."""
    data = demo()
    value = [1, 2]
    for _ in range(40):
        value = [value, value]
    data["slot_data"][1]["bomb"] = value
    return data


def deep_lists():
    """Hostile: the demo world whose slot data is nested 1000 lists deep."""
    sys.setrecursionlimit(10_000)
    data = demo()
    value = []
    for _ in range(1000):
        value = [value]
    data["slot_data"][1]["deep"] = value
    return data


def load_world(path):
    """The load generator's world description (shared/bench/load/world-100.json) as a multiworld."""
    with open(path, encoding="utf-8") as f:
        world = json.load(f)
    datapackage = {}
    for game, ids in world["games"].items():
        datapackage[game] = package({f"{game} Item {i}": i for i in ids["item_ids"]},
                                    {f"{game} Location {i}": i for i in ids["location_ids"]})
    datapackage["Archipelago"] = ARCHIPELAGO
    slots, locations, slot_data, precollected = {}, {}, {}, {}
    for s in world["slots"]:
        slot = s["slot"]
        slots[slot] = NetworkSlot(s["name"], s["game"], SlotType.player, [])
        locations[slot] = {loc: (item, receiver, flags) for loc, item, receiver, flags in s["locations"]}
        slot_data[slot] = {}
        precollected[slot] = [item for item, _location, _player, _flags in s["start_inventory"]]
    data = multidata(world["seed_name"], slots, locations, slot_data, precollected, datapackage)
    data["server_options"]["password"] = world["password"]
    return data

# ---------------------------------------------------------------- writers


def write_archipelago(data, path):
    with open(path, "wb") as f:
        f.write(bytes([3]))
        # pickle.dumps(data) in the generator: protocol 4, the default of the Pythons Archipelago runs on (3.10 to
        # 3.13); pinned so that a newer Python writes the same file.
        f.write(zlib.compress(pickle.dumps(data, protocol=4), 9))


def to_json(value):
    """apwire's JSON multiworld format: named tuples as objects, slot types by name, tuples and sets as arrays."""
    if isinstance(value, SlotType):
        return value.name
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: to_json(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_json(v) for v in value]
    return value


def write_json(data, path):
    doc = {"apwire_multiworld": 1}
    doc.update({k: to_json(v) for k, v in data.items() if k not in ("checks_in_area", "tags")})
    with open(path, "w", encoding="utf-8") as f:
        # Small worlds are indented for reading; large ones compact.
        if len(data["slot_info"]) <= 10:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        else:
            json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("world", choices=["demo", "linked", "load-world", "shared-lists", "deep-lists"])
    parser.add_argument("paths", nargs="+", help="[WORLD.json for load-world] OUT.archipelago")
    parser.add_argument("--json", help="also write the world in apwire's JSON format here")
    args = parser.parse_args()
    if args.world == "load-world":
        if len(args.paths) != 2:
            parser.error("load-world needs WORLD.json and OUT.archipelago")
        data, out = load_world(args.paths[0]), args.paths[1]
    else:
        if len(args.paths) != 1:
            parser.error(args.world + " needs OUT.archipelago")
        worlds = {"demo": demo, "linked": linked, "shared-lists": shared_lists, "deep-lists": deep_lists}
        data, out = worlds[args.world](), args.paths[0]
    write_archipelago(data, out)
    if args.json:
        write_json(data, args.json)


if __name__ == "__main__":
    main()
