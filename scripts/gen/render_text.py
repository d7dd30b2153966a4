"""Plain-text rendering (UTF-8): one line per heading/paragraph, tables as
tab-separated lines (a spanned header cell prints its text once and leaves
the covered positions empty), charts as a caption plus their data, page
breaks as a form feed line."""

from gen.model import Chart, Fact, Heading, LineBreak, PageBreak, Para, Table


def render(doc, meta):
    return render_with_offsets(doc, meta)[0]


def render_with_offsets(doc, meta):
    """Returns (text, spans): spans maps id(part) of every paragraph part
    (string, Fact, LineBreak) and id(para) to its [start, end) in `text`, as
    code-point offsets (Python str indices) into the rendered file."""
    lines = []
    para_lines = []  # (para, index of its first line)
    for block in doc.blocks:
        if isinstance(block, Heading):
            if lines and block.level <= 2:
                lines.append("")
            lines.append(block.text)
        elif isinstance(block, Para):
            para_lines.append((block, len(lines)))
            lines.extend(block.text().split("\n"))
        elif isinstance(block, PageBreak):
            lines.append("\f")
        elif isinstance(block, Table):
            lines.extend(table_lines(block, meta))
            lines.append("")
        elif isinstance(block, Chart):
            kind = "柱状图" if block.kind == "bar" else "饼状图"
            lines.append("（图%d：%s）（%s）" % (block.number, block.title, kind))
            lines.append("\t" + "\t".join(block.categories))
            for name, facts in block.series:
                lines.append(name + "\t" + "\t".join(f.render() for f in facts))
    joined = "\n".join(lines)
    text = joined.replace("\n\f\n", "\n\f")
    # Offsets in `joined` map to `text` minus the newlines the replace
    # removed (the one after each matched form feed).
    removed = []
    pos = joined.find("\n\f\n")
    while pos >= 0:
        removed.append(pos + 2)
        pos = joined.find("\n\f\n", pos + 3)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1

    def final(x):
        return x - sum(1 for r in removed if r < x)

    spans = {}
    for para, first in para_lines:
        start = starts[first]
        cursor = start
        for part in para.parts:
            if isinstance(part, Fact):
                piece = part.render()
            elif isinstance(part, LineBreak):
                piece = "\n"
            else:
                piece = part
            spans[id(part)] = (final(cursor), final(cursor + len(piece)))
            cursor += len(piece)
        spans[id(para)] = (final(start), final(cursor))
    return text.rstrip("\n") + "\n", spans


def table_lines(table, meta):
    out = []
    if table.continued:
        out.append("续表")
    else:
        if table.number_label:
            out.append(table.number_label)
        out.append(table.title)
        out.append("编制单位：%s\t%s" % (meta["unit_name"], table.unit_line))
    for row in table.header_grid():
        out.append("\t".join(row))
    for row in table.rows:
        out.append("\t".join(cell.render() for cell in row))
    out.extend(table.notes)
    return out
