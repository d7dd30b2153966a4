"""Shared set-up for the label-tool tests: puts scripts/ on sys.path and builds
made-up check/extract JSON in the shape budgetdoc writes (docs/output_schema.md)."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPTS = os.path.join(ROOT, "scripts")
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)

SOURCE = "../shared/corpus/real/made_up_report.pdf"


def evidence(value, page, label="", quote="", source=SOURCE):
    return {"label": label, "value": value, "quote": quote, "location": "",
            "origin": "narrative", "where": {"page": page, "source": source}}


def result(rule, outcome, severity, printed=None, evidence_list=(), message=""):
    return {"rule": rule, "outcome": outcome, "severity": severity, "printed": printed,
            "expected": None, "message": message, "evidence": list(evidence_list)}


def check_json(results, is_template=False, missing=()):
    return {"checks": {"results": list(results), "summary": {}},
            "report": {"is_template": is_template}, "missing_tables": list(missing)}


def extract_json(percents):
    """percents: [(text, page)]: one percent mention each."""
    return {"document": {"mentions": [
        {"kind": "percent", "text": text, "value": text.rstrip("%"), "where": {"page": page, "source": SOURCE}}
        for text, page in percents]}}
