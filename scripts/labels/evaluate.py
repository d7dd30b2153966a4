"""Scores budgetdoc's findings against hand labels (tests/labels/*.labels).

Pure functions over parsed JSON: the caller runs budgetdoc (scripts/label_eval)
and passes `budgetdoc check --format json` and `budgetdoc extract --format json`
outputs, one per file of the report, in the label file's `file` order.

Findings. Every check result whose outcome is not pass/not_applicable/not_checked
is a finding; it is *material* when its outcome is "material" (older JSON:
severity "error" and outcome "fail"), *minor* otherwise.

Matching a finding to a label record (defect, pass or notclaim):
  - pages: the finding's evidence pages meet the record's pages; a finding
    without any page (a document-level finding) waives this;
  - content, scored: the record's first figure is among the finding's values
    (evidence values and the printed value, normalised by figures.canonical:
    1,234.50 = 1234.5, 元 -> 万元) and the finding's printed figure is one of
    the record's figures (or the finding prints none, or a second record
    figure is among the values): 2 + the number of distinct record figures
    among the values; when only the first figure is shared and the record's
    family is the rule's prefix: 1 + that number; else the record's subject occurs in the finding's text (message,
    evidence labels and quotes; quote marks and spaces ignored), or a
    unit-less first figure (a year) occurs there followed by 年: 2 + shared
    figures; else the record has no figures, the finding has none either and
    the record's family is the finding rule's prefix (structure.tables_missing
    -> structure): 1.
  The best-scoring record wins; ties go to the record whose family is the
  rule's prefix, then to defect, pass, notclaim, then file order.

Tests: tests/label_tools/test_evaluate.py
"""

import collections
import os
import re

from labels import figures

NON_FINDING_OUTCOMES = ("pass", "not_applicable", "not_checked")
_KIND_ORDER = {"defect": 0, "pass": 1, "notclaim": 2}

# The reviewer's checklist rules (review.*) by the label family of what they
# judge; every other rule's family is its prefix.
_REVIEW_FAMILY = {
    "review.comparison_year": "year",
    "review.former_class_name": "code",
    "review.empty_note_with_figures": "structure",
    "review.punctuation": "presentation",
    "review.unbalanced_quotes": "presentation",
    "review.blank_page": "structure",
    "review.unrenderable_text": "presentation",
    "review.section_order": "structure",
    "review.scope_self_reference": "presentation",
}


def rule_family(rule):
    return _REVIEW_FAMILY.get(rule, rule.split(".")[0])
_QUOTES = re.compile(r"[\s“”\"'‘’「」『』]")


class Finding:
    """One non-pass check result, flattened for matching."""

    def __init__(self, result, file_index_of):
        self.rule = result.get("rule", "")
        self.severity = result.get("severity", "")
        self.outcome = result.get("outcome", "")
        self.message = result.get("message", "") or ""
        self.material = self.outcome == "material" or (
            self.severity == "error" and self.outcome == "fail")
        self.values = set()
        self.raw_values = []
        self.printed = None  # canonical printed figure of the result, when it parses
        self.pages = set()
        texts = [self.message]
        printed = result.get("printed")
        if printed:
            try:
                self.printed = figures.canonical(printed)
            except ValueError:
                pass
        for value in [printed] + [e.get("value") for e in result.get("evidence") or []]:
            if value:
                self.raw_values.append(value)
                try:
                    self.values.add(figures.canonical(value))
                except ValueError:
                    texts.append(value)
        for e in result.get("evidence") or []:
            texts.append(e.get("label") or "")
            texts.append(e.get("quote") or "")
            where = e.get("where") or {}
            if where.get("page") is not None:
                self.pages.add((file_index_of(where.get("source")), where["page"]))
        self.text = _QUOTES.sub("", " ".join(texts))
        self.match = None  # the Record this finding was matched to

    @property
    def cls(self):
        return "material" if self.material else "minor"

    def first_page(self):
        return min(self.pages)[1] if self.pages else None

    def describe(self):
        page = self.first_page()
        values = ",".join(self.raw_values[:4])
        return "%s %s p%s [%s] %s" % (self.cls, self.rule, page if page is not None else "-", values,
                                      self.message[:160])


def file_index_resolver(files):
    """Maps an evidence `source` path to the 1-based index of the label file's
    `file` lines, by basename; unknown or missing sources map to 1."""
    names = [os.path.basename(f) for f in files]

    def resolve(source):
        if source:
            base = os.path.basename(source)
            if base in names:
                return names.index(base) + 1
        return 1

    return resolve


def collect_findings(check_jsons, files):
    resolve = file_index_resolver(files)
    out = []
    for doc in check_jsons:
        for result in (doc.get("checks") or {}).get("results") or []:
            if result.get("outcome") in NON_FINDING_OUTCOMES:
                continue
            out.append(Finding(result, resolve))
    return out


def _score(record, finding):
    if finding.pages and not (finding.pages & record.page_keys()):
        return 0
    overlap = len(set(record.canonical) & finding.values)
    if record.canonical and record.canonical[0] in finding.values:
        # The record's first figure is among the finding's figures; it is the
        # same claim when the finding's printed figure is one of the record's
        # (or the finding has none) or when a second figure is shared too;
        # weakly so when only the family agrees (a share group's sum naming
        # the truncated share).
        # A record holding the finding's own printed figure outranks one
        # that shares only figures absorbed from identities the same figure
        # also breaks (one finding per defect).
        if finding.printed is not None and finding.printed in record.canonical:
            return 10 + overlap
        if finding.printed is None or overlap >= 2:
            return 2 + overlap
        if record.family and rule_family(finding.rule) == record.family:
            return 1 + overlap
        return 0
    if record.subject and _QUOTES.sub("", record.subject) in finding.text:
        return 2 + overlap
    if record.figures and not figures.parse(record.figures[0]).unit and \
            (figures.canonical(record.figures[0]) + "年") in finding.text:
        return 2 + overlap
    if not record.figures and record.family and not finding.values and \
            rule_family(finding.rule) == record.family:
        return 1
    return 0


def match(records, finding):
    """The record the finding matches best, or None."""
    best, best_key = None, None
    for order, record in enumerate(records):
        score = _score(record, finding)
        if not score:
            continue
        same_family = record.family == rule_family(finding.rule)
        key = (-score, not same_family, _KIND_ORDER[record.kind], order)
        if best_key is None or key < best_key:
            best, best_key = record, key
    return best


def percent_mentions(extract_jsons, files):
    """Counter of (file index, page, canonical percent) over every percent
    mention in the extracted documents."""
    resolve = file_index_resolver(files)
    out = collections.Counter()
    for doc in extract_jsons:
        document = doc.get("document") or {}
        for m in document.get("mentions") or []:
            if m.get("kind") != "percent":
                continue
            where = m.get("where") or {}
            try:
                value = figures.canonical(m.get("text") or "")
            except ValueError:
                try:
                    value = figures.canonical((m.get("value") or "") + "%")
                except ValueError:
                    continue
            out[(resolve(where.get("source")), where.get("page"), value)] += 1
    return out


def labelled_percents(label_file):
    """Counter of (file index, page, canonical percent): a record covers its
    percent figures on each of its pages, once per record and figure. The key
    (file index, None, percent) counts the records of the file without regard
    to page, for mentions whose extraction has no page (text files)."""
    out = collections.Counter()
    for record in label_file.records:
        for value in record.percent_figures():
            for page in record.pages:
                out[(page.file_index, page.number, value)] += 1
            for file_index in {page.file_index for page in record.pages}:
                out[(file_index, None, value)] += 1
    return out


class ReportResult:
    """Everything the harness prints and decides about one report."""

    def __init__(self, label_file):
        self.labels = label_file
        self.findings = []
        self.found = {}  # defect id -> [Finding]
        self.false_material = []  # material findings not matched to a defect
        self.contradicted = {}  # pass id -> [Finding]
        self.unlabelled_minor = []
        self.class_mismatch = []  # (record, finding) where classes differ
        self.rates_total = 0
        self.rates_accounted = 0
        self.unaccounted_rates = []
        self.unextracted_rates = []  # (record id, percent): labelled, but no such mention on its pages
        self.template_problem = None
        self.missing_tables = []

    def material_labelled(self):
        return self.labels.defects("material")

    def minor_labelled(self):
        return self.labels.defects("minor")

    def material_found(self):
        return [d for d in self.material_labelled() if d.id in self.found]

    def minor_found(self):
        return [d for d in self.minor_labelled() if d.id in self.found]

    def repeats(self):
        """Findings beyond the first with the same rule on the same record:
        one printed figure reported several times (issue 13: one finding per defect)."""
        seen = collections.Counter((f.rule, f.match.id) for f in self.findings if f.match is not None)
        return sum(n - 1 for n in seen.values() if n > 1)

    def material_missed(self):
        return [d for d in self.material_labelled() if d.id not in self.found]


def evaluate(label_file, check_jsons, extract_jsons):
    """Scores one report. check_jsons/extract_jsons: parsed budgetdoc outputs,
    one per file of the report."""
    res = ReportResult(label_file)
    res.findings = collect_findings(check_jsons, label_file.files)
    for f in res.findings:
        f.match = match(label_file.records, f)
        r = f.match
        if r is not None and r.kind == "defect":
            res.found.setdefault(r.id, []).append(f)
            if r.cls != f.cls:
                res.class_mismatch.append((r, f))
            continue
        if r is not None and r.kind == "pass":
            res.contradicted.setdefault(r.id, []).append(f)
        if f.material:
            res.false_material.append(f)
        elif r is None:
            res.unlabelled_minor.append(f)
    mentions = percent_mentions(extract_jsons, label_file.files)
    labelled = labelled_percents(label_file)
    res.rates_total = sum(mentions.values())
    for key, count in sorted(mentions.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0, kv[0][2])):
        covered = min(count, labelled.get(key, 0))
        res.rates_accounted += covered
        if covered < count:
            res.unaccounted_rates.append((key, count - covered))
    for record in label_file.records:
        for value in record.percent_figures():
            keys = [(p.file_index, p.number, value) for p in record.pages]
            keys += [(fi, None, value) for fi in {p.file_index for p in record.pages}]
            if not any(mentions.get(k) for k in keys):
                res.unextracted_rates.append((record.id, value))
    is_template = any((doc.get("report") or {}).get("is_template") for doc in check_jsons)
    if label_file.template and not is_template:
        res.template_problem = "a template not recognised as one (report.is_template is false)"
    elif not label_file.template and is_template:
        res.template_problem = "a real report taken for a template (report.is_template is true)"
    if label_file.template:
        for doc in check_jsons:
            res.missing_tables.extend(doc.get("missing_tables") or [])
    return res


# --- known gaps ------------------------------------------------------------------


class Gap:
    """One line of known_gaps.txt:
        gap report=<id> label=<record id> kind=miss why="..."
        gap report=<id> rule=<rule id> page=<n> figure=<printed> kind=false why="..."
        gap report=<id> kind=template why="..."
    kind: miss (a material defect not found), false (a material finding not
    labelled), template (template recognition or a missing table on a template)."""

    def __init__(self, fields, line):
        self.fields = fields
        self.line = line
        self.report = fields.get("report", "")
        self.kind = fields.get("kind", "")
        self.label = fields.get("label", "")
        self.rule = fields.get("rule", "")
        self.page = fields.get("page", "")
        self.figure = fields.get("figure", "")
        self.why = fields.get("why", "")
        self.used = False

    def matches_finding(self, finding):
        if self.kind != "false" or finding.rule != self.rule:
            return False
        if self.page and int(self.page) not in {p for _, p in finding.pages}:
            return False
        if self.figure:
            try:
                return figures.canonical(self.figure) in finding.values
            except ValueError:
                return _QUOTES.sub("", self.figure) in finding.text
        return True

    def describe(self):
        what = self.label or " ".join(x for x in (self.rule, self.page and "p" + self.page, self.figure) if x)
        return "%s %s %s: %s" % (self.report, self.kind, what, self.why)


def parse_gaps(text, path="<gaps>"):
    import shlex
    gaps = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line)
        if words[0] != "gap":
            raise ValueError("%s:%d: expected a gap line" % (path, number))
        fields = dict(w.partition("=")[::2] for w in words[1:])
        gap = Gap(fields, number)
        if gap.kind not in ("miss", "false", "template") or not gap.report or not gap.why:
            raise ValueError("%s:%d: a gap needs report=, kind=miss|false|template and why=" % (path, number))
        if gap.kind == "miss" and not gap.label:
            raise ValueError("%s:%d: a miss gap needs label=" % (path, number))
        if gap.kind == "false" and not gap.rule:
            raise ValueError("%s:%d: a false gap needs rule=" % (path, number))
        gaps.append(gap)
    return gaps


def draft_gaps(results, verdict):
    """known_gaps.txt lines for the current unexplained failures, why=TODO."""
    lines = []
    failing = "\n".join(verdict.failures)
    for res in results:
        rid = res.labels.report
        for d in res.material_missed():
            if "%s: material defect %s " % (rid, d.id) in failing:
                lines.append('gap report=%s label=%s kind=miss why="TODO"' % (rid, d.id))
        for f in res.false_material:
            figure = f.raw_values[0] if f.raw_values else ""
            line = 'gap report=%s rule=%s%s%s kind=false why="TODO"' % (
                rid, f.rule, " page=%d" % f.first_page() if f.first_page() is not None else "",
                " figure=%s" % figure.replace(" ", "") if figure else "")
            if "%s: false material finding" % rid in failing and line not in lines:
                lines.append(line)
        if (res.template_problem or res.missing_tables) and "%s: " % rid in failing:
            lines.append('gap report=%s kind=template why="TODO"' % rid)
    return lines


class Verdict:
    """Failures after known gaps: failures (new problems), known (covered by a
    gap, listed loudly) and stale (gaps that no longer happen)."""

    def __init__(self):
        self.failures = []
        self.known = []
        self.stale = []

    @property
    def ok(self):
        return not self.failures and not self.stale


def judge(results, gaps):
    """Applies known gaps to the per-report results."""
    v = Verdict()
    for res in results:
        rid = res.labels.report
        mine = [g for g in gaps if g.report == rid]
        for d in res.material_missed():
            gap = next((g for g in mine if g.kind == "miss" and g.label == d.id), None)
            line = "%s: material defect %s not found (p%s %s): %s" % (
                rid, d.id, ",".join(str(p.number) for p in d.pages), ",".join(d.figures[:3]), d.note[:120])
            _record(v, gap, line)
        for f in res.false_material:
            gap = next((g for g in mine if g.matches_finding(f)), None)
            where = "labelled pass %s" % f.match.id if f.match is not None and f.match.kind == "pass" else \
                "labelled notclaim %s" % f.match.id if f.match is not None else "unlabelled"
            _record(v, gap, "%s: false material finding (%s): %s" % (rid, where, f.describe()))
        problems = []
        if res.template_problem:
            problems.append(res.template_problem)
        if res.missing_tables:
            problems.append("tables reported missing on a template: %s" % ",".join(res.missing_tables))
        for problem in problems:
            gap = next((g for g in mine if g.kind == "template"), None)
            _record(v, gap, "%s: %s" % (rid, problem))
    for g in gaps:
        if not g.used:
            v.stale.append("known gap no longer happens (remove it): line %d: %s" % (g.line, g.describe()))
    return v


def _record(v, gap, line):
    if gap is None:
        v.failures.append(line)
    else:
        gap.used = True
        v.known.append("%s\n      why: %s" % (line, gap.why))
