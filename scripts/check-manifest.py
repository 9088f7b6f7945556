"""Reads `swift package dump-package` on standard input and fails when a target lists a dependency
that none of its files imports (run by scripts/check-layers)."""
import json
import pathlib
import re
import sys

IMPORT = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func|actor)\s+)?(\w+)",
    re.M,
)


def folder(target):
    if target.get("path"):
        return pathlib.Path(target["path"])
    return pathlib.Path("Tests" if target["type"] == "test" else "Sources") / target["name"]


def main():
    manifest = json.load(sys.stdin)
    unused = []
    for target in manifest["targets"]:
        if target["type"] not in ("regular", "executable", "test"):
            continue
        found = {name for path in folder(target).rglob("*.swift") for name in IMPORT.findall(path.read_text(encoding="utf-8"))}
        for dependency in target["dependencies"]:
            name = next(iter(dependency.values()))[0]
            if name not in found:
                unused.append(f"{target['name']} depends on {name} but imports it nowhere")
    if unused:
        print("error: Package.swift lists dependencies a target does not import; remove them:", *unused, sep="\n  ", file=sys.stderr)
        sys.exit(1)


main()
