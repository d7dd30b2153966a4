#include "cli/pipeline.h"

#include "base/file_io.h"
#include "schema/bundle.h"
#include "schema/mapper.h"
#include "schema/metadata.h"

#include <algorithm>
#include <malloc.h>

namespace budgetdoc {

Result<NormalizedDocument> ExtractBytes(std::string_view bytes,
                                        const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(bytes, options.extract));
  BUDGETDOC_RETURN_IF_ERROR(RequireReadableText(doc));
  // The reader's working set (a page's XML tree, a PDF's words) is freed by
  // now, in many small pieces the later stages cannot reuse whole; give
  // the free pages back so that they do not add to the peak.
  ::malloc_trim(0);
  return Normalize(std::move(doc), options.normalize);
}

Result<NormalizedDocument> ExtractFile(const std::string& path,
                                       const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  PipelineOptions o = options;
  if (o.extract.source_name.empty()) o.extract.source_name = path;
  return ExtractBytes(bytes, o);
}

Result<Analysis> AnalyzeBytes(std::string_view bytes,
                              const PipelineOptions& options) {
  Analysis a;
  BUDGETDOC_ASSIGN_OR_RETURN(a.nd, ExtractBytes(bytes, options));
  a.ex = MapToSchema(a.nd);
  if (options.run_checks) a.report = RunChecks(a.nd, a.ex, options.check);
  return a;
}

Result<Analysis> AnalyzeFile(const std::string& path,
                             const PipelineOptions& options) {
  BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  PipelineOptions o = options;
  if (o.extract.source_name.empty()) o.extract.source_name = path;
  return AnalyzeBytes(bytes, o);
}

namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Every provenance of the analysis names its file and that file's page.
void Localize(const Bundle& bundle, Analysis* a) {
  auto findings = [&](std::vector<Finding>* fs) {
    for (Finding& f : *fs) {
      for (Provenance& p : f.where) LocalizeProvenance(bundle, &p);
    }
  };
  findings(&a->nd.doc.findings);
  findings(&a->nd.findings);
  findings(&a->ex.findings);
  for (Fact& f : a->ex.facts) LocalizeProvenance(bundle, &f.where);
  for (auto& [field, where] : a->ex.meta.sources) {
    LocalizeProvenance(bundle, &where);
  }
  for (CheckResult& r : a->report.results) {
    for (Evidence& e : r.evidence) {
      int part = PartOf(bundle, e.where);
      if (part < 0) continue;
      LocalizeProvenance(bundle, &e.where);
      e.location = BaseName(bundle.layout[static_cast<size_t>(part)].source) +
                   ": " + e.location;
    }
  }
}

}  // namespace

Result<Analysis> AnalyzeBundleBytes(const std::vector<NamedBytes>& files,
                                    const PipelineOptions& options) {
  if (files.empty()) return Status::InvalidArgument("no file given");
  std::vector<NormalizedDocument> parts;
  std::vector<ReportMeta> metas;
  for (const NamedBytes& f : files) {
    ExtractOptions eo = options.extract;
    eo.source_name = f.name;
    BUDGETDOC_ASSIGN_OR_RETURN(Document doc, Extract(f.bytes, eo));
    parts.push_back(Normalize(std::move(doc), options.normalize));
    metas.push_back(DetectMetadata(parts.back()));
  }
  Bundle bundle = MakeBundle(std::move(parts), std::move(metas));
  Analysis a;
  a.ex = MapToSchema(bundle.merged, bundle.meta);
  a.ex.findings.insert(a.ex.findings.end(), bundle.findings.begin(),
                       bundle.findings.end());
  if (options.run_checks)
    a.report = RunChecks(bundle.merged, a.ex, options.check);
  a.nd = bundle.merged;
  Localize(bundle, &a);
  return a;
}

Result<Analysis> AnalyzeFiles(const std::vector<std::string>& paths,
                              const PipelineOptions& options) {
  std::vector<std::string> contents;
  contents.reserve(paths.size());
  for (const std::string& path : paths) {
    BUDGETDOC_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
    contents.push_back(std::move(bytes));
  }
  std::vector<NamedBytes> files;
  for (size_t i = 0; i < paths.size(); ++i) {
    files.push_back({paths[i], contents[i]});
  }
  return AnalyzeBundleBytes(files, options);
}

std::string ErrorKindName(StatusCode code) {
  std::string kind(StatusCodeName(code));
  std::replace(kind.begin(), kind.end(), ' ', '_');
  return kind;
}

}  // namespace budgetdoc
