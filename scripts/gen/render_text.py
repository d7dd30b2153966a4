"""Plain-text rendering (UTF-8): one line per heading/paragraph, tables as
tab-separated lines (a spanned header cell prints its text once and leaves
the covered positions empty), charts as a caption plus their data, page
breaks as a form feed line."""

from gen.model import Chart, Heading, PageBreak, Para, Table


def render(doc, meta):
    lines = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            if lines and block.level <= 2:
                lines.append("")
            lines.append(block.text)
        elif isinstance(block, Para):
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
    text = "\n".join(lines).replace("\n\f\n", "\n\f")
    return text.rstrip("\n") + "\n"


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
