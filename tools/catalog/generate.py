#!/usr/bin/env python3
"""Generate Sluice's operation catalog from the shared OpenAPI reference data.

Rerun (from the repository root, python3 standard library only):

    python3 tools/catalog/generate.py \
        --source /work/shared/openapi \
        --output server/src/main/resources/catalog/operations.json

then review the printed admin-role summary and commit the regenerated file.
The server never reads the shared folder at runtime; it only loads the
committed resource.

What is kept: per operation its action, module, group, throttling level,
minimum edition, read/write type, request parameters (name, location, type,
required, encoding, nested fields/items) and the response shape (names, types
and nesting only).

What is deliberately dropped: every `description`, `sdkSummary`, `example` and
note text. Those sentences are not ours to copy; the only thing taken from
them is structured data: the administrator roles an operation is restricted
to (see ROLE_RULES below), which a human should check in the printed summary.

Output is deterministic: operations in the order of operations.tsv,
parameters and fields in source order, fixed key order, two-space indent.
"""

import argparse
import json
import re
import sys
from pathlib import Path

# --- administrator restrictions --------------------------------------------------------------------------------------
#
# A restriction is only read from a sentence of the operation's `description`
# that grants the operation to someone: it says "only ...", "... can perform /
# call / invoke ..." or "... have permission(s) to ...". Inside such a sentence
# every role phrase below adds its role. Sentences that merely mention a role
# ("transfers ownership to a new owner") do not restrict anything.
#
# The `sdkSummary` text is not used for the catalog (the reference data names
# `description` as the source of access rules); restrictions found only there
# are printed for review so a human can decide whether to adopt them.

RESTRICTING_SENTENCE = re.compile(
    r"\bonly\b|\bcan (?:perform|call|invoke)\b|\bhave permissions? to\b|\bhas permissions? to\b",
    re.IGNORECASE,
)

# (role, pattern) in the order roles are written to the catalog.
ROLE_RULES = [
    ("SUPER_ADMIN", re.compile(r"\bsuper ?administrators?\b|\bsuperusers?\b|\bSuperAdmin\b", re.IGNORECASE)),
    ("SYSTEM_ADMIN", re.compile(r"\bsystem administrators?\b", re.IGNORECASE)),
    ("TENANT_ADMIN", re.compile(r"\btenant administrators?\b", re.IGNORECASE)),
    ("DATA_ADMIN", re.compile(r"\bdata administrators?\b", re.IGNORECASE)),
    ("BUSINESS_UNIT_ADMIN", re.compile(r"\bbusiness (?:segment|unit) administrators?\b", re.IGNORECASE)),
    ("PROJECT_ADMIN", re.compile(r"\bproject administrators?\b", re.IGNORECASE)),
    ("DATA_SOURCE_ADMIN", re.compile(r"\bdata source administrators?\b", re.IGNORECASE)),
    ("OPERATIONS_ADMIN", re.compile(r"\boperations administrators?\b", re.IGNORECASE)),
    ("OWNER", re.compile(r"\b(?:resource|application|app) owners?\b", re.IGNORECASE)),
]

# Words that suggest a restriction; a text containing one but yielding no role is flagged for review.
ROLE_HINT = re.compile(r"administrator|superuser|superadmin|\bowners?\b", re.IGNORECASE)

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def detect_admin_roles(text):
    roles = set()
    for sentence in SENTENCE_SPLIT.split(text or ""):
        if not RESTRICTING_SENTENCE.search(sentence):
            continue
        for role, pattern in ROLE_RULES:
            if pattern.search(sentence):
                roles.add(role)
    return [role for role, _ in ROLE_RULES if role in roles]


# --- shapes ----------------------------------------------------------------------------------------------------------

PARAM_TYPES = {"string", "integer", "boolean", "number", "array", "object", "map", "any"}
LOCATIONS = {"query", "body"}
ENCODINGS = {"json"}


def fail(message):
    sys.exit("generate.py: " + message)


def check_type(node, where):
    kind = node.get("type")
    if kind not in PARAM_TYPES:
        fail("%s: unknown type %r" % (where, kind))
    return kind


def request_shape(node, where, top_level):
    """A request parameter, a nested field or an array's item shape, without any prose."""
    kind = check_type(node, where)
    out = {}
    if "name" in node:
        out["name"] = node["name"]
    if top_level:
        if node.get("location") not in LOCATIONS:
            fail("%s: unknown location %r" % (where, node.get("location")))
        out["location"] = node["location"]
    out["type"] = kind
    if "required" in node:
        out["required"] = bool(node["required"])
    if "encoding" in node:
        if node["encoding"] not in ENCODINGS:
            fail("%s: unknown encoding %r" % (where, node["encoding"]))
        out["encoding"] = node["encoding"]
    if node.get("fields"):
        out["fields"] = [request_shape(f, where + "." + f["name"], False) for f in node["fields"]]
    if node.get("items"):
        out["items"] = request_shape(node["items"], where + "[]", False)
    return out


def response_shape(node, where):
    """Names, types and nesting of the response; nothing else."""
    out = {}
    if "name" in node:
        out["name"] = node["name"]
    out["type"] = check_type(node, where)
    if node.get("fields"):
        out["fields"] = [response_shape(f, where + "." + f["name"]) for f in node["fields"]]
    if node.get("items"):
        out["items"] = response_shape(node["items"], where + "[]")
    return out


def catalog_entry(op):
    where = op["action"]
    if op["type"] not in ("read", "write"):
        fail("%s: unknown type %r" % (where, op["type"]))
    if op["minEdition"] not in ("Agile", "Basic", "Intelligent"):
        fail("%s: unknown minimum edition %r" % (where, op["minEdition"]))
    return {
        "action": op["action"],
        "module": op["module"],
        "group": op["group"],
        "level": int(op["level"]),
        "minEdition": op["minEdition"],
        "type": op["type"],
        "adminRoles": detect_admin_roles(op.get("description")),
        "request": [request_shape(p, where + ":" + p["name"], True) for p in op["request"]],
        "response": response_shape(op["response"], where + ":response"),
    }


# --- input -----------------------------------------------------------------------------------------------------------

def read_tsv_order(tsv_path):
    lines = tsv_path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    if header[0] != "action":
        fail("%s: first column is not 'action'" % tsv_path)
    return [line.split("\t")[0] for line in lines[1:] if line.strip()]


def ordered_operations(source_dir):
    spec = json.loads((source_dir / "dataphin-2023-06-30.json").read_text(encoding="utf-8"))
    by_action = {op["action"]: op for op in spec["operations"]}
    order = read_tsv_order(source_dir / "operations.tsv")
    if len(by_action) != len(spec["operations"]):
        fail("duplicate actions in the JSON")
    if set(order) != set(by_action):
        fail("operations.tsv and the JSON list different actions: %s"
             % sorted(set(order) ^ set(by_action)))
    return spec, [by_action[action] for action in order]


# --- review summary --------------------------------------------------------------------------------------------------

def print_summary(entries, operations, out):
    restricted = [e for e in entries if e["adminRoles"]]
    print("Wrote %d operations." % len(entries), file=out)
    print("", file=out)
    print("Administrator restrictions taken from descriptions (%d operations):" % len(restricted), file=out)
    for e in restricted:
        print("  %-36s %s" % (e["action"], ", ".join(e["adminRoles"])), file=out)

    flagged = [op["action"] for op, e in zip(operations, entries)
               if ROLE_HINT.search(op.get("description") or "") and not e["adminRoles"]]
    print("", file=out)
    print("Descriptions mentioning a role without a detected restriction (check by hand): %s"
          % (", ".join(flagged) or "none"), file=out)

    summary_only = []
    for op, e in zip(operations, entries):
        from_summary = detect_admin_roles(op.get("sdkSummary"))
        extra = [role for role in from_summary if role not in e["adminRoles"]]
        if extra:
            summary_only.append((op["action"], extra))
    print("", file=out)
    print("Roles stated only in sdkSummary, NOT applied (%d operations):" % len(summary_only), file=out)
    for action, roles in summary_only:
        print("  %-36s %s" % (action, ", ".join(roles)), file=out)


def main():
    repo_root = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/work/shared/openapi"),
                        help="folder holding dataphin-2023-06-30.json and operations.tsv")
    parser.add_argument("--output", type=Path,
                        default=repo_root / "server/src/main/resources/catalog/operations.json")
    args = parser.parse_args()

    spec, operations = ordered_operations(args.source)
    entries = [catalog_entry(op) for op in operations]
    catalog = {
        "product": spec["product"],
        "version": spec["version"],
        "operations": entries,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(catalog, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(entries, operations, sys.stdout)


if __name__ == "__main__":
    main()
