#include "cli/report.h"

#include "cli/forked_map.h"
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
        d.page_images = [renderer](
                            const std::vector<std::pair<int, BBox>>& regions) {
          // Pages are rendered in two processes at once, each page in one of
          // them (its regions are cut from one rendering), under a budget:
          // a page that renders for minutes loses its image, not the report.
          std::vector<int> pages;
          for (const auto& r : regions) pages.push_back(r.first);
          ForkedMapOptions fork;
          fork.workers = 2;
          fork.budget_ms = kReportPageBudgetMs;
          return ForkedMap(
              pages,
              [&](size_t i) -> std::optional<std::string> {
                Result<PageBitmap> bitmap = renderer->RenderRegion(
                    regions[i].first, regions[i].second, kReportDpi);
                if (!bitmap.ok()) return std::nullopt;
                GrayPixels pixels{bitmap->pixels.data(), bitmap->width,
                                  bitmap->height, bitmap->width};
                Result<std::string> png = EncodePng(pixels, {.bit_depth = 4});
                if (!png.ok()) return std::nullopt;
                return std::move(png).value();
              },
              fork);
        };
      }
    }
    docs.push_back(std::move(d));
  }
  return RenderHtmlReport(docs, html);
}

}  // namespace budgetdoc
