#include "cli/report.h"

#include "extract/pdf_render.h"
#include "output/png_writer.h"

#include <memory>

namespace budgetdoc {

std::string HtmlReportOf(const std::vector<ReportSource>& sources,
                         const PipelineOptions& options,
                         const HtmlReportOptions& html) {
  std::vector<CheckReport> english(sources.size());
  std::vector<std::unique_ptr<PdfRenderer>> renderers(sources.size());
  std::vector<HtmlReportDocument> docs;
  for (size_t i = 0; i < sources.size(); ++i) {
    const Analysis& a = *sources[i].analysis;
    CheckOptions en = options.check;
    en.english = true;
    english[i] = RunChecks(a.nd, a.ex, en);
    HtmlReportDocument d;
    d.nd = &a.nd;
    d.ex = &a.ex;
    d.checks = &a.report;
    d.checks_en = &english[i];
    if (a.nd.doc.format == Format::kPdf) {
      Result<std::unique_ptr<PdfRenderer>> r =
          PdfRenderer::Open(sources[i].bytes);
      if (r.ok()) {
        renderers[i] = std::move(r).value();
        PdfRenderer* renderer = renderers[i].get();
        d.page_image = [renderer](
                           int page,
                           const BBox& box) -> std::optional<std::string> {
          Result<PageBitmap> bitmap =
              renderer->RenderRegion(page, box, kReportDpi);
          if (!bitmap.ok()) return std::nullopt;
          GrayPixels pixels{bitmap->pixels.data(), bitmap->width,
                            bitmap->height, bitmap->width};
          Result<std::string> png = EncodePng(pixels);
          if (!png.ok()) return std::nullopt;
          return std::move(png).value();
        };
      }
    }
    docs.push_back(std::move(d));
  }
  return RenderHtmlReport(docs, html);
}

}  // namespace budgetdoc
