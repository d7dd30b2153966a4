"""Ground-truth JSON for one report (format documented in docs/ground_truth.md).

walk() gives every printed fact its id and location in document order;
truth_json() serialises metadata, facts, planted errors and neutral edits.
The same truth file serves every format of the report (txt/docx/html/pdf):
they print the same strings from the same model.
"""

import json

from gen import numfmt
from gen.model import Chart, Fact, Heading, Para, SumOf, Table

SCHEMA = "budgetdoc.truth/1"


def walk(doc):
    """Assigns fid and location to every printed fact; returns them in order."""
    headings = {}
    facts = []
    row_offsets = {}
    for block in doc.blocks:
        if isinstance(block, Heading):
            headings[block.level] = block.text
            for deeper in [k for k in headings if k > block.level]:
                del headings[deeper]
        elif isinstance(block, Para):
            levels = sorted(k for k in headings if k >= 1)
            location = {"section": headings[levels[-1]] if levels else ""}
            for fact in block.facts():
                fact.location = dict(location)
                facts.append(fact)
        elif isinstance(block, Table):
            offset = row_offsets.get(block.title, 0)
            labels = [row[0].row_label for row in block.rows]
            for i, row in enumerate(block.rows):
                for j, cell in enumerate(row):
                    if cell.fact is None:
                        continue
                    location = {"table": block.title, "table_id": block.tid, "row": cell.row_label,
                                "column": block.col_labels[j]}
                    if not cell.row_label or labels.count(cell.row_label) > 1 or block.continued or offset:
                        location["row_index"] = offset + i
                    if cell.code and cell.code not in (cell.fact.dims.get("func_code"),
                                                       cell.fact.dims.get("econ_code")):
                        location["code"] = cell.code
                    cell.fact.location = location
                    facts.append(cell.fact)
            row_offsets[block.title] = offset + len(block.rows)
        elif isinstance(block, Chart):
            for name, series in block.series:
                for cat, fact in zip(block.categories, series):
                    fact.location = {"chart": block.title, "chart_number": block.number,
                                     "category": cat, "series": name}
                    facts.append(fact)
    printed = [f for f in facts if f.value() is not None]
    for n, fact in enumerate(printed, start=1):
        fact.fid = "F%04d" % n
    for fact in facts:
        if fact.value() is None:
            fact.fid = None
    return printed


def value_string(fact):
    value = fact.value()
    if fact.measure in ("amount", "yoy_change"):
        return numfmt.canonical(value, 2)
    return numfmt.canonical(value)


def fact_json(fact):
    out = {
        "id": fact.fid,
        "metric_id": fact.metric_id,
        "measure": fact.measure,
        "value": value_string(fact),
        "value_raw": numfmt.to_fullwidth(fact.raw) if fact.fullwidth else fact.raw,
        "unit_raw": fact.unit if fact.origin != "table" else _table_unit(fact),
        "dims": fact.dims,
        "origin": fact.origin,
        "location": fact.location,
    }
    if fact.base_metric_id:
        out["base_metric_id"] = fact.base_metric_id
    if fact.sign_word:
        out["sign_word"] = fact.sign_word
    if fact.also_metrics:
        out["also_metrics"] = list(fact.also_metrics)
    if fact.label:
        out["label"] = fact.label
    if fact.per_value and fact.scale == "%":
        out["decimals"] = numfmt.decimals_of(fact.raw)
    refs = {k: v.fid for k, v in fact.refs.items() if v is not None and v.fid}
    # A total printed nowhere (model.SumOf): the ids of the parts it sums.
    refs.update({k: [p.fid for p in v.parts if p.fid] for k, v in fact.refs.items() if isinstance(v, SumOf)})
    if refs:
        out["refs"] = refs
    return out


def _table_unit(fact):
    return fact.scale


def report_json(doc, meta, facts, planted, neutral, files, claims=None):
    return {
        "schema": SCHEMA,
        "report": meta,
        "files": files,
        "facts": [fact_json(f) for f in facts],
        "claims": claims or [],
        "planted": planted,
        "neutral": neutral,
    }


def dumps(data):
    """Deterministic JSON: top-level keys one per line, each element of a
    top-level list (a fact, a planted error) compact on a line of its own,
    so the files stay small and diff line by line."""
    def compact(value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    keys = sorted(data)
    lines = ["{"]
    for i, key in enumerate(keys):
        value = data[key]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(" %s:[" % compact(key))
            for j, item in enumerate(value):
                lines.append("  " + compact(item) + ("," if j < len(value) - 1 else ""))
            lines.append(" ]" + comma)
        else:
            lines.append(" %s:%s%s" % (compact(key), compact(value), comma))
    lines.append("}")
    return "\n".join(lines) + "\n"


def fact_ref(fact):
    """Compact reference to a fact for planted/neutral records."""
    return {"id": fact.fid, "key": fact.tag, "metric_id": fact.metric_id, "location": fact.location,
            "value_raw": fact.raw}


__all__ = ["walk", "report_json", "dumps", "fact_ref", "Fact"]
