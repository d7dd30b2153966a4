"""DOCX rendering with python-docx (Debian's python3-docx).

Real heading styles (Title, Heading 1–3), real Word tables whose header
cells are merged with merge() and marked as repeating header rows, page
breaks, and native charts: python-docx has no chart API, so each chart is
written as its own part word/charts/chartN.xml (c:barChart / c:pieChart with
c:strCache categories and c:numCache values) related to the document part
through the OPC package API and referenced from an inline w:drawing.

The saved zip is rewritten with fixed timestamps so that the same model
always yields the same bytes.
"""

import datetime
import io
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from gen.model import Chart, Fact, Heading, LineBreak, PageBreak, Para, Table

BODY_FONT = "宋体"
HEADING_FONT = "宋体"  # one CJK family keeps the PDF font subsets small
ZIP_TIME = (2000, 1, 1, 0, 0, 0)

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def render(doc, meta):
    document = Document()
    _setup_styles(document)
    _setup_page(document)
    props = document.core_properties
    props.title = meta["title"]
    props.author = meta["unit_name"]
    props.last_modified_by = meta["unit_name"]
    stamp = datetime.datetime(meta["year"] + (1 if meta["kind"] == "final" else 0), 3, 1, 9, 0, 0)
    props.created = stamp
    props.modified = stamp
    props.revision = 1

    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level == 0:
                para = document.add_paragraph(block.text, style="Title")
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                document.add_paragraph(block.text, style="Heading %d" % min(block.level, 3))
        elif isinstance(block, Para):
            _paragraph(document, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Table):
            _table(document, block, meta)
        elif isinstance(block, Chart):
            _chart(document, block)
    _slim(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _normalize_zip(buffer.getvalue())


def _set_east_asian(style_or_run_element, name):
    rpr = style_or_run_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def _setup_styles(document):
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    _set_east_asian(normal.element, BODY_FONT)
    normal.paragraph_format.space_after = Pt(2)
    for name, size in (("Title", 18), ("Heading 1", 15), ("Heading 2", 13), ("Heading 3", 12)):
        style = styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.name = "Times New Roman"
        _set_east_asian(style.element, HEADING_FONT)
    table_text = styles.add_style("TableText", 1)
    table_text.base_style = normal
    table_text.font.size = Pt(9)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.space_before = Pt(0)


def _setup_page(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    section.top_margin = section.bottom_margin = Cm(2.2)


def _paragraph(document, block):
    para = document.add_paragraph()
    if block.kind == "body":
        para.paragraph_format.first_line_indent = Pt(22)
    run = para.add_run()
    text = []
    for part in block.parts:
        if isinstance(part, LineBreak):
            run.add_text("".join(text))
            text = []
            run.add_break()
        elif isinstance(part, Fact):
            text.append(part.render())
        else:
            text.append(part)
    run.add_text("".join(text))


def _table(document, table, meta):
    if table.continued:
        document.add_paragraph("续表", style="TableText")
    else:
        if table.number_label:
            document.add_paragraph(table.number_label, style="TableText")
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = title.add_run(table.title)
        run.bold = True
        run.font.size = Pt(13)
        document.add_paragraph("编制单位：%s\t\t%s" % (meta["unit_name"], table.unit_line),
                                      style="TableText")
    nrows = table.header_rows + len(table.rows)
    grid = document.add_table(rows=nrows, cols=table.ncols)
    grid.style = "Table Grid"
    grid.autofit = False
    widths = _column_widths(table)
    size = Pt(9) if table.ncols <= 8 else Pt(7.5)
    rows = grid.rows
    cells = [row.cells for row in rows]
    for hc in table.header_cells:
        start = cells[hc.row][hc.col]
        end = cells[hc.row + hc.rowspan - 1][hc.col + hc.colspan - 1]
        if start is not end and (hc.rowspan > 1 or hc.colspan > 1):
            start.merge(end)
    cells = [row.cells for row in grid.rows]
    for hc in table.header_cells:
        _cell_text(cells[hc.row][hc.col], hc.text, size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for j, column in enumerate(grid.columns):
        column.width = widths[j]
    for row_cells in cells:
        for j, cell in enumerate(row_cells):
            cell.width = widths[j]
    for r in range(table.header_rows):
        tr_pr = rows[r]._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
    for i, row in enumerate(table.rows):
        target = cells[table.header_rows + i]
        for j, cell in enumerate(row):
            text = cell.render()
            if not text:
                continue
            align = WD_ALIGN_PARAGRAPH.RIGHT if cell.fact is not None else None
            _cell_text(target[j], text, size, bold=cell.bold, align=align)
    for note in table.notes:
        document.add_paragraph(note, style="TableText")
    document.add_paragraph()


def _column_widths(table):
    """Label columns wide, code and 行次 columns narrow, amounts even."""
    weights = []
    for label in table.col_labels:
        leaf = label.split("/")[-1]
        if leaf in ("科目名称", "项目"):
            weights.append(3.2)
        elif leaf == "科目编码":
            weights.append(1.3 if table.col_labels.count("科目编码") == 1 else 0.6)
        elif leaf == "行次":
            weights.append(0.6)
        else:
            weights.append(1.5)
    usable = 17.0
    total = sum(weights)
    return [Cm(usable * w / total) for w in weights]


def _cell_text(cell, text, size, bold=False, align=None):
    para = cell.paragraphs[0]
    para.style = "TableText"
    if align is not None:
        para.alignment = align
    run = para.add_run(text)
    run.font.size = size
    if bold:
        run.bold = True


def chart_xml(chart):
    """The chart part: c:chartSpace with cached category and value data."""
    ser = []
    for idx, (name, facts) in enumerate(chart.series):
        n = len(chart.categories)
        col = chr(ord("B") + idx)
        cats = "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (i, escape(c)) for i, c in enumerate(chart.categories))
        vals = "".join('<c:pt idx="%d"><c:v>%s</c:v></c:pt>' % (i, f.raw) for i, f in enumerate(facts))
        ser.append(
            '<c:ser><c:idx val="{i}"/><c:order val="{i}"/>'
            '<c:tx><c:strRef><c:f>Sheet1!${col}$1</c:f><c:strCache><c:ptCount val="1"/>'
            '<c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="{cat}"/>'
            '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
            '<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${last}</c:f><c:strCache><c:ptCount val="{n}"/>{cats}'
            '</c:strCache></c:strRef></c:cat>'
            '<c:val><c:numRef><c:f>Sheet1!${col}$2:${col}${last}</c:f><c:numCache>'
            '<c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>{vals}</c:numCache></c:numRef></c:val>'
            '</c:ser>'.format(i=idx, col=col, name=escape(name), n=n, last=n + 1, cats=cats, vals=vals,
                              cat=1 if chart.kind == "pie" else 0))
    if chart.kind == "bar":
        plot = ('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
                '%s<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>'
                '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
                '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
                '<c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/>'
                '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>'
                '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
                '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
                '<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>'
                '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
                % "".join(ser))
    else:
        plot = '<c:pieChart><c:varyColors val="1"/>%s<c:firstSliceAng val="0"/></c:pieChart>' % "".join(ser)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<c:chartSpace xmlns:c="%s" xmlns:a="%s" xmlns:r="%s">'
        '<c:roundedCorners val="0"/><c:chart>'
        '<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:rPr lang="zh-CN" sz="1200"/><a:t>%s</a:t></a:r></a:p>'
        '</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/>%s</c:plotArea>'
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
        % (C_NS, A_NS, R_NS, escape(chart.title), plot)).encode("utf-8")


def _chart(document, chart):
    part = Part(PackURI("/word/charts/chart%d.xml" % chart.number), CT.DML_CHART, chart_xml(chart),
                document.part.package)
    rid = document.part.relate_to(part, RT.CHART)
    para = document.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    drawing = (
        '<w:r xmlns:w="{w}" xmlns:wp="{wp}" xmlns:a="{a}" xmlns:c="{c}" xmlns:r="{r}"><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="4572000" cy="2743200"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="图表 {id}"/>'
        '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{c}"><c:chart r:id="{rid}"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    ).format(w=W_NS, wp=WP_NS, a=A_NS, c=C_NS, r=R_NS, id=1000 + chart.number, rid=rid)
    para._p.append(parse_xml(drawing))
    kind = "柱状图" if chart.kind == "bar" else "饼状图"
    caption = document.add_paragraph("图%d：%s（%s）" % (chart.number, chart.title, kind), style="TableText")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER


KEEP_STYLES = {"Normal", "Title", "Heading1", "Heading2", "Heading3", "TableGrid", "TableText",
               "DefaultParagraphFont", "TableNormal", "NoList"}


def _slim(document):
    """Drops template parts a report does not need (stylesWithEffects,
    customXml, thumbnail) and the unused styles, so a sample DOCX stays small."""
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            document.part.drop_rel(rid)
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rid]
    styles = document.styles.element
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    keep, todo = set(), [k for k in KEEP_STYLES if k in by_id]
    while todo:
        sid = todo.pop()
        if sid in keep:
            continue
        keep.add(sid)
        for tag in ("w:basedOn", "w:link", "w:next"):
            ref = by_id[sid].find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) in by_id:
                todo.append(ref.get(qn("w:val")))
    for sid, element in by_id.items():
        if sid not in keep:
            styles.remove(element)


def _normalize_zip(data):
    """Rewrites the package with fixed entry timestamps (byte-stable output)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
