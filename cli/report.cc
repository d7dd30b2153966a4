#include "cli/report.h"

#include "base/file_io.h"
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

int RunReportCommand(const std::vector<std::string>& args, std::ostream& out,
                     std::ostream& err) {
  std::string out_path;
  std::vector<std::string> files;
  auto usage = [&](const std::string& problem) {
    err << "budgetdoc: report: " << problem
        << "\nusage: budgetdoc report FILE... -o report.html\n";
    return 2;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-o" || a == "--out") {
      if (i + 1 >= args.size()) return usage(a + " needs a FILE");
      out_path = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      return usage("unknown option " + a);
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return usage("expects at least one FILE");
  if (out_path.empty()) return usage("-o FILE is required");

  PipelineOptions options;
  std::vector<std::string> bytes;
  std::vector<Analysis> analyses;
  bytes.reserve(files.size());
  analyses.reserve(files.size());
  HtmlReportOptions html;
  html.tool_version = BUDGETDOC_VERSION;
  for (const std::string& file : files) {
    Result<std::string> read = ReadFile(file);
    if (!read.ok()) {
      err << "budgetdoc: " << read.status().message() << "\n";
      html.failures.push_back(read.status().message());
      continue;
    }
    PipelineOptions o = options;
    o.extract.source_name = file;
    Result<Analysis> a = AnalyzeBytes(*read, o);
    if (!a.ok()) {
      err << "budgetdoc: " << a.status().message() << "\n";
      html.failures.push_back(a.status().message());
      continue;
    }
    bytes.push_back(std::move(read).value());
    analyses.push_back(std::move(a).value());
  }
  std::vector<ReportSource> sources;
  for (size_t i = 0; i < analyses.size(); ++i) {
    sources.push_back({bytes[i], &analyses[i]});
  }
  Status s =
      WriteFileAtomically(out_path, HtmlReportOf(sources, options, html));
  if (!s.ok()) {
    err << "budgetdoc: " << s.message() << "\n";
    return 2;
  }
  out << out_path << "\n";
  return html.failures.empty() ? 0 : 2;
}

}  // namespace budgetdoc
