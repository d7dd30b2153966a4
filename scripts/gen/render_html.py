"""HTML rendering: a small government-CMS-like page (site header, navigation
menu, breadcrumb, article body, footer).  Tables keep their merged header
cells as colspan/rowspan.  Some reports are written in GBK with
<meta charset="gbk">, as many county portals still do."""

import html

from gen.model import Chart, Fact, Heading, LineBreak, PageBreak, Para, Table

CSS = """body{font-family:"SimSun","宋体",serif;margin:0;background:#f2f2f2}
.top{background:#b5121b;color:#fff;padding:10px 40px}.site{font-size:24px;font-weight:bold}
.nav{list-style:none;margin:8px 0 0;padding:0}.nav li{display:inline-block;margin-right:24px}
.nav a{color:#fff;text-decoration:none}.crumb{padding:8px 40px;font-size:13px;color:#666}
.article{background:#fff;margin:0 40px;padding:20px 40px}.article h1{text-align:center;font-size:22px}
.meta{text-align:center;color:#888;font-size:13px;border-bottom:1px solid #ddd;padding-bottom:8px}
.content p{text-indent:2em;line-height:1.8}.content p.list{text-indent:0}
.content table{border-collapse:collapse;margin:8px auto;font-size:12px}
.content td,.content th{border:1px solid #000;padding:2px 4px}.content td.num{text-align:right}
.tnum{text-align:left!important;text-indent:0!important}.ttitle{text-align:center;font-weight:bold;text-indent:0!important}
.tunit{text-align:right;text-indent:0!important}.footer{text-align:center;color:#666;font-size:12px;padding:20px}"""

ICP_PREFIX = {"51": "蜀", "31": "沪", "32": "苏", "44": "粤"}

NAV = ["首页", "政务公开", "财政预决算", "政民互动", "办事服务", "走进%s"]


def render(doc, meta, charset):
    region = meta["region_name"]
    kind = "部门决算" if meta["kind"] == "final" else "部门预算"
    out = ['<!DOCTYPE html>', '<html lang="zh-CN">', "<head>",
           '<meta charset="%s">' % charset,
           "<title>%s - %s人民政府</title>" % (_e(meta["title"]), _e(region)),
           "<style>%s</style>" % CSS, "</head>", "<body>",
           '<div class="top"><div class="site">%s人民政府</div><ul class="nav">' % _e(region)]
    for item in NAV:
        label = item % region if "%s" in item else item
        out.append('<li><a href="#">%s</a></li>' % _e(label))
    out.append("</ul></div>")
    out.append('<div class="crumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; '
               '<a href="#">财政预决算</a> &gt; %s</div>' % kind)
    out.append('<div class="article">')
    body = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level == 0:
                out.append("<h1>%s</h1>" % _e(block.text))
                out.append('<div class="meta">发布时间：%s　信息来源：%s</div>'
                           % (meta["published"], _e(meta["unit_name"])))
                continue
            tag = {1: "h2", 2: "h3"}.get(block.level, "h4")
            body.append("<%s>%s</%s>" % (tag, _e(block.text), tag))
        elif isinstance(block, Para):
            cls = ' class="list"' if block.kind == "list" else ""
            body.append("<p%s>%s</p>" % (cls, _para(block)))
        elif isinstance(block, PageBreak):
            body.append('<div style="page-break-after:always"></div>')
        elif isinstance(block, Table):
            body.extend(_table(block, meta))
        elif isinstance(block, Chart):
            body.extend(_chart(block))
    out.append('<div class="content">')
    out.extend(body)
    out.append("</div></div>")
    code = meta.get("region_code") or ""
    icp = ICP_PREFIX.get(code[:2], "")
    out.append('<div class="footer">主办：%s人民政府办公室<br>网站标识码：%s0001　%sICP备%s号</div>'
               % (_e(region), code, icp, code[::-1] or "00000000"))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _e(text):
    return html.escape(text, quote=False)


def _para(para):
    out = []
    for part in para.parts:
        if isinstance(part, Fact):
            out.append(_e(part.render()))
        elif isinstance(part, LineBreak):
            out.append("<br>")
        else:
            out.append(_e(part))
    return "".join(out)


def _table(table, meta):
    out = []
    if table.continued:
        out.append('<p class="tnum">续表</p>')
    else:
        if table.number_label:
            out.append('<p class="tnum">%s</p>' % _e(table.number_label))
        out.append('<p class="ttitle">%s</p>' % _e(table.title))
        out.append('<p class="tunit">编制单位：%s　　%s</p>' % (_e(meta["unit_name"]), _e(table.unit_line)))
    out.append('<table border="1" cellspacing="0" cellpadding="2">')
    out.append("<thead>")
    for r in range(table.header_rows):
        cells = sorted((c for c in table.header_cells if c.row == r), key=lambda c: c.col)
        row = []
        for c in cells:
            attrs = ""
            if c.colspan > 1:
                attrs += ' colspan="%d"' % c.colspan
            if c.rowspan > 1:
                attrs += ' rowspan="%d"' % c.rowspan
            row.append("<th%s>%s</th>" % (attrs, _e(c.text)))
        out.append("<tr>%s</tr>" % "".join(row))
    out.append("</thead><tbody>")
    for row in table.rows:
        cells = []
        for cell in row:
            cls = ' class="num"' if cell.fact is not None else ""
            text = _e(cell.render())
            if cell.bold and text:
                text = "<b>%s</b>" % text
            cells.append("<td%s>%s</td>" % (cls, text))
        out.append("<tr>%s</tr>" % "".join(cells))
    out.append("</tbody></table>")
    for note in table.notes:
        out.append('<p class="list">%s</p>' % _e(note))
    return out


def _chart(chart):
    kind = "柱状图" if chart.kind == "bar" else "饼状图"
    out = ['<figure class="chart" data-kind="%s">' % chart.kind,
           "<figcaption>图%d：%s（%s）</figcaption>" % (chart.number, _e(chart.title), kind),
           '<table class="chart-data"><tr><th></th>%s</tr>' % "".join("<th>%s</th>" % _e(c) for c in chart.categories)]
    for name, facts in chart.series:
        out.append("<tr><th>%s</th>%s</tr>" % (_e(name), "".join("<td>%s</td>" % _e(f.render()) for f in facts)))
    out.append("</table></figure>")
    return out
