"""Reads tests/labels/<report_id>.labels files (format: docs/ground_truth.md,
"Labelled real reports").

A file is a header (report, file, kind, year, scope, template, labelled_by)
and body records (defect, pass, notclaim) of key=value fields; values with
spaces are double-quoted; a line starting with whitespace continues the
record above; '#' starts a comment outside quotes.

Tests: tests/label_tools/test_labelfile.py
"""

import os
import shlex

from labels import figures

RECORD_TYPES = ("defect", "pass", "notclaim")
CLASSES = ("material", "minor")
FAMILIES = ("share", "sum", "change", "completion", "agree", "code", "presentation", "structure", "year")
REASONS = ("policy_rate", "target", "score", "count_ratio", "weight", "threshold", "definition", "other")
HEADER_KEYS = ("report", "file", "kind", "year", "scope", "template", "labelled_by")


class LabelError(ValueError):
    """A malformed label file: the message names the file and line."""


class Page:
    """A page of one of the report's files: file_index 1 is the first `file` line."""

    __slots__ = ("file_index", "number")

    def __init__(self, file_index, number):
        self.file_index, self.number = file_index, number

    def key(self):
        return (self.file_index, self.number)


class Record:
    """One defect/pass/notclaim record. figures: printed strings in list order;
    canonical: their canonical forms (figures.canonical); pages: [Page]."""

    def __init__(self, kind, fields, line):
        self.kind = kind
        self.fields = fields
        self.line = line
        self.id = fields.get("id", "")
        self.cls = fields.get("class", "")
        self.family = fields.get("family", "")
        self.subject = fields.get("subject", "")
        self.note = fields.get("note", "")
        self.figures = figures.split_list(fields["figures"]) if fields.get("figures") else []
        self.canonical = [figures.canonical(f) for f in self.figures]
        self.pages = []

    def page_keys(self):
        return {p.key() for p in self.pages}

    def percent_figures(self):
        return [c for c in self.canonical if c.endswith("%")]


class LabelFile:
    def __init__(self, path):
        self.path = path
        self.report = ""
        self.files = []
        self.kind = ""
        self.year = ""
        self.scope = ""
        self.template = False
        self.labelled_by = ""
        self.records = []

    def by_kind(self, kind):
        return [r for r in self.records if r.kind == kind]

    def defects(self, cls=None):
        return [r for r in self.records if r.kind == "defect" and (cls is None or r.cls == cls)]


def _logical_lines(text):
    """Yields (line number, text) with continuation lines joined and comments removed."""
    current, start = None, 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if raw[:1] in (" ", "\t") and current is not None:
            current += " " + line.strip()
            continue
        if current is not None:
            yield start, current
        current, start = line.strip(), number
    if current is not None:
        yield start, current


def _strip_comment(line):
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == "#" and not quoted:
            return line[:i]
    return line


def _parse_pages(text, where):
    pages = []
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        file_index, _, number = item.rpartition(":")
        try:
            pages.append(Page(int(file_index) if file_index else 1, int(number)))
        except ValueError:
            raise LabelError("%s: bad page %r" % (where, item))
    return pages


def parse(text, path="<labels>"):
    """Parses label-file text; raises LabelError naming path:line."""
    lf = LabelFile(path)
    seen_ids = set()
    for number, line in _logical_lines(text):
        where = "%s:%d" % (path, number)
        try:
            words = shlex.split(line, posix=True)
        except ValueError as e:
            raise LabelError("%s: %s" % (where, e))
        head = words[0]
        if head in RECORD_TYPES:
            fields = {}
            for word in words[1:]:
                key, eq, value = word.partition("=")
                if not eq:
                    raise LabelError("%s: expected key=value, got %r" % (where, word))
                fields[key] = value
            try:
                record = Record(head, fields, number)
            except ValueError as e:
                raise LabelError("%s: %s" % (where, e))
            record.pages = _parse_pages(fields.get("pages", ""), where)
            _validate(record, where, seen_ids)
            lf.records.append(record)
        elif head in HEADER_KEYS:
            _header(lf, words, where)
        else:
            raise LabelError("%s: unknown record %r" % (where, head))
    if not lf.report:
        raise LabelError("%s: no report line" % path)
    if not lf.files:
        raise LabelError("%s: no file line" % path)
    return lf


def _header(lf, words, where):
    if words[0] == "labelled_by":
        lf.labelled_by = " ".join(words[1:])
        return
    if len(words) % 2:
        raise LabelError("%s: header lines are key value pairs" % where)
    for key, value in zip(words[0::2], words[1::2]):
        if key == "file":
            lf.files.append(value)
        elif key == "template":
            lf.template = value.lower() in ("yes", "true", "1")
        elif key in ("report", "kind", "year", "scope"):
            setattr(lf, key, value)
        else:
            raise LabelError("%s: unknown header key %r" % (where, key))


def _validate(record, where, seen_ids):
    if not record.id:
        raise LabelError("%s: record without id" % where)
    if record.id in seen_ids:
        raise LabelError("%s: duplicate id %s" % (where, record.id))
    seen_ids.add(record.id)
    if record.kind == "defect" and record.cls not in CLASSES:
        raise LabelError("%s: defect %s needs class=material|minor" % (where, record.id))
    if record.family and record.family not in FAMILIES:
        raise LabelError("%s: unknown family %r" % (where, record.family))
    if record.kind == "notclaim" and record.fields.get("reason") not in REASONS:
        raise LabelError("%s: notclaim %s needs reason=%s" % (where, record.id, "|".join(REASONS)))
    if not record.pages:
        raise LabelError("%s: %s has no pages" % (where, record.id))
    if record.kind == "defect" and not (record.figures or record.subject or record.family):
        raise LabelError("%s: defect %s needs figures, a subject or a family" % (where, record.id))


def load(path):
    with open(path, encoding="utf-8") as fh:
        return parse(fh.read(), path)


def load_dir(directory):
    """Every *.labels file in directory, sorted by report id."""
    out = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".labels"):
            out.append(load(os.path.join(directory, name)))
    return sorted(out, key=lambda lf: lf.report)
