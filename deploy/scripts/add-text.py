#!/usr/bin/env python3
"""Add or update a localized string in a feature's three .resx files (French neutral, Arabic, English).

usage: deploy/scripts/add-text.py src/Noress.App/Feature/FeatureText Key "français" "عربي" "English"
       deploy/scripts/add-text.py --batch FILE   (lines: BASE<TAB>Key<TAB>fr<TAB>ar<TAB>en)
Keys stay sorted so concurrent additions merge cleanly.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(path: Path, entries: dict) -> None:
    body = "".join(
        f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n'
        for k, v in sorted(entries.items(), key=lambda kv: kv[0].lower())
    )
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def add(base: str, key: str, fr: str, ar: str, en: str) -> None:
    for suffix, value in (("", fr), (".ar", ar), (".en", en)):
        path = Path(f"{base}{suffix}.resx")
        entries = load(path)
        entries[key] = value
        save(path, entries)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--batch":
        for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                add(*line.split("\t"))
    elif len(sys.argv) == 6:
        add(*sys.argv[1:])
    else:
        sys.exit(__doc__)
