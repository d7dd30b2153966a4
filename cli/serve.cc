#include "cli/serve.h"

#include "base/utf8.h"
#include "cli/report.h"
#include "output/html_report.h"
#include "output/store.h"

#include <condition_variable>
#include <cstdlib>
#include <httplib.h>
#include <map>
#include <mutex>
#include <unistd.h>

namespace budgetdoc {

bool IsSafeUploadName(std::string_view name) {
  if (name.empty() || name.size() > 255 || !IsValidUtf8(name)) return false;
  if (name == "." || name == "..") return false;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '/' || c == '\\') return false;
  }
  return name.find("..") == std::string_view::npos;
}

namespace {

constexpr char kHtml[] = "text/html; charset=utf-8";
constexpr char kCsp[] =
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "form-action 'self'";

constexpr std::string_view kPageStyle = R"CSS(
body{margin:0;background:#f6f5f1;color:#1d1d1f;font:15px/1.6 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif}
.wrap{max-width:980px;margin:0 auto;padding:16px}
h1{font-size:22px;border-bottom:3px solid #1d1d1f;padding-bottom:6px}
nav a{margin-right:14px}
.drop{display:block;border:2px dashed #8a8f98;border-radius:8px;background:#fff;padding:48px 16px;text-align:center;cursor:pointer}
.drop.over{border-color:#1f4e79;background:#eef4fa}
.drop input{display:block;margin:12px auto}
button{font-size:15px;padding:6px 18px}
table{border-collapse:collapse;font-size:13px;background:#fff;width:100%}
th,td{border:1px solid #d9dce1;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f1f0ec}
form.filter{margin:10px 0}
form.filter input{width:9em}
.error{border-left:5px solid #b42318;background:#fef3f2;padding:10px 14px}
.material{color:#b42318;font-weight:600}.minor{color:#b54708}
)CSS";

// The upload page's only script: a file dropped anywhere on the drop zone
// is put into the form's file field and the form is sent.
constexpr std::string_view kUploadScript = R"JS(
const zone=document.getElementById('zone'),input=document.getElementById('file');
['dragenter','dragover'].forEach(e=>zone.addEventListener(e,ev=>{ev.preventDefault();zone.classList.add('over');}));
['dragleave','drop'].forEach(e=>zone.addEventListener(e,ev=>{ev.preventDefault();zone.classList.remove('over');}));
zone.addEventListener('drop',ev=>{if(ev.dataTransfer.files.length){input.files=ev.dataTransfer.files;document.getElementById('form').submit();}});
)JS";

std::string Page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\"><title>" +
         HtmlEscape(title) + "</title><style>" + std::string(kPageStyle) +
         "</style></head><body><div class=\"wrap\">" + body +
         "</div></body></html>\n";
}

void SendPage(httplib::Response& res, int status, const std::string& html,
              const std::string& csp = kCsp) {
  res.status = status;
  res.set_header("Content-Security-Policy", csp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
  res.set_content(html, kHtml);
}

void SendError(httplib::Response& res, int status, const std::string& zh,
               const std::string& en) {
  SendPage(res, status,
           Page("budgetdoc", "<h1>budgetdoc</h1><p class=\"error\">" +
                                 HtmlEscape(zh) + "<br>" + HtmlEscape(en) +
                                 "</p><p><a href=\"/\">← 返回 / back</a></p>"));
}

// At most `limit` analyses at once; the others wait their turn.
class Slots {
 public:
  explicit Slots(int limit) : free_(limit > 0 ? limit : 1) {}
  void Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return free_ > 0; });
    --free_;
  }
  void Release() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++free_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int free_;
};

class Server {
 public:
  explicit Server(ServeOptions options)
      : options_(std::move(options)), slots_(options_.jobs) {
    options_.worker.payload = [](std::string_view bytes, const Analysis& a) {
      HtmlReportOptions html;
      html.tool_version = BUDGETDOC_VERSION;
      return HtmlReportOf({ReportSource{bytes, &a}}, PipelineOptions(), html);
    };
  }

  int Run(std::ostream& out, std::ostream& err) {
    httplib::Server svr;
    svr.set_payload_max_length(options_.max_upload_bytes);
    svr.Get("/", [&](const httplib::Request&, httplib::Response& res) {
      Home(res);
    });
    svr.Post("/report", [&](const httplib::Request& req,
                            httplib::Response& res) { Report(req, res); });
    svr.Get("/db", [&](const httplib::Request& req, httplib::Response& res) {
      Documents(req, res);
    });
    svr.Get("/db/findings",
            [&](const httplib::Request& req, httplib::Response& res) {
              Findings(req, res);
            });
    svr.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.status == 413) {
        SendError(res, 413, "文件太大。", "The file is too large.");
      } else if (res.status == 404) {
        SendError(res, 404, "没有这个页面。", "No such page.");
      } else if (res.body.empty()) {
        SendError(res, res.status, "请求无法处理。",
                  "The request could not be handled.");
      }
    });
    int port = options_.port;
    if (port == 0) {
      port = svr.bind_to_any_port(options_.host);
      if (port <= 0) {
        err << "budgetdoc: serve: cannot bind " << options_.host << "\n";
        return 2;
      }
    } else if (!svr.bind_to_port(options_.host, port)) {
      err << "budgetdoc: serve: cannot bind " << options_.host << ":" << port
          << " (in use?)\n";
      return 2;
    }
    out << "serving on http://" << options_.host << ":" << port << "/"
        << std::endl;
    return svr.listen_after_bind() ? 0 : 2;
  }

 private:
  void Home(httplib::Response& res) {
    std::string body =
        "<h1>budgetdoc</h1><nav><a href=\"/\">上传 / Upload</a>" +
        std::string(options_.db_path.empty()
                        ? ""
                        : "<a href=\"/db\">数据库 / Database</a>") +
        "</nav><p>上传一份部门预算或决算（PDF、DOCX、HTML 或文本），"
        "得到核查报告。<br>Upload a budget or final-accounts report (PDF, "
        "DOCX, HTML or text) to get its check report.</p>"
        "<form id=\"form\" method=\"post\" action=\"/report\" "
        "enctype=\"multipart/form-data\"><label class=\"drop\" id=\"zone\">"
        "把文件拖到这里，或点击选择 / Drop a file here, or click to choose"
        "<input type=\"file\" name=\"file\" id=\"file\" required></label>"
        "<p><button type=\"submit\">核查 / Check</button> 最大 / max " +
        std::to_string(options_.max_upload_bytes >> 20) +
        " MiB</p></form><script>" + std::string(kUploadScript) + "</script>";
    // Inline script is allowed on this page only: it holds no client text.
    SendPage(res, 200, Page("budgetdoc", body),
             "default-src 'none'; script-src 'unsafe-inline'; "
             "style-src 'unsafe-inline'; form-action 'self'");
  }

  void Report(const httplib::Request& req, httplib::Response& res) {
    if (!req.has_file("file")) {
      SendError(res, 400, "请选择一个文件。", "Choose a file to upload.");
      return;
    }
    const httplib::MultipartFormData file = req.get_file_value("file");
    if (!IsSafeUploadName(file.filename)) {
      SendError(res, 400, "文件名不可接受（不能含路径）。",
                "The file name is not acceptable (no paths).");
      return;
    }
    if (file.content.empty()) {
      SendError(res, 400, "文件是空的。", "The file is empty.");
      return;
    }
    slots_.Acquire();
    WorkerResult result;
    {
      WorkerPool pool(options_.worker);
      Status s = pool.Launch(0, file.filename, file.content);
      if (s.ok()) {
        while (pool.active() > 0) {
          std::vector<WorkerResult> done = pool.Wait(1000);
          if (!done.empty()) result = std::move(done.front());
        }
      } else {
        result.error = s.message();
      }
    }
    slots_.Release();
    if (!result.ok) {
      SendError(res, 422, "无法分析：" + result.error,
                "Could not analyze: " + result.error);
      return;
    }
    SendPage(res, 200, result.payload);
  }

  // ---- the batch database ----

  struct Filter {
    std::string region, year, entity;
    bool Matches(const std::map<std::string, std::string>& row) const {
      auto get = [&](const char* k) {
        auto it = row.find(k);
        return it == row.end() ? std::string() : it->second;
      };
      if (!region.empty() && get("region_code").rfind(region, 0) != 0 &&
          get("region_name").find(region) == std::string::npos)
        return false;
      if (!year.empty() && get("fiscal_year") != year) return false;
      if (!entity.empty() && get("entity").find(entity) == std::string::npos)
        return false;
      return true;
    }
  };

  Filter FilterOf(const httplib::Request& req) const {
    Filter f;
    f.region = req.get_param_value("region");
    f.year = req.get_param_value("year");
    f.entity = req.get_param_value("entity");
    return f;
  }

  std::string FilterForm(const std::string& action, const Filter& f) const {
    return "<form class=\"filter\" method=\"get\" action=\"" + action +
           "\">地区/region <input name=\"region\" value=\"" +
           HtmlEscape(f.region) +
           "\"> 年度/year <input name=\"year\" value=\"" + HtmlEscape(f.year) +
           "\"> 单位/body <input name=\"entity\" value=\"" +
           HtmlEscape(f.entity) + "\"> <button>筛选 / Filter</button></form>";
  }

  // Rows of an export as column name → text, read through the store's
  // read API; at most `limit` matching rows (the total is counted).
  Status ReadRows(ExportTable table, const Filter& filter, size_t limit,
                  std::vector<std::map<std::string, std::string>>* rows,
                  size_t* total) {
    StoreOptions so;
    so.read_only = true;
    BUDGETDOC_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                               OpenStore(options_.db_path, so));
    const std::vector<ExportColumn>& cols = ExportColumns(table);
    *total = 0;
    return store->ForEachExportRow(table, [&](const Row& row) {
      std::map<std::string, std::string> m;
      for (size_t i = 0; i < cols.size() && i < row.size(); ++i) {
        m[cols[i].name] = row[i].value_or("");
      }
      if (!filter.Matches(m)) return Status::Ok();
      ++*total;
      if (rows->size() < limit) rows->push_back(std::move(m));
      return Status::Ok();
    });
  }

  static void DbUnreadable(httplib::Response& res, const Status& s) {
    SendError(res, 500, "数据库无法读取：" + s.message(),
              "The database cannot be read: " + s.message());
  }

  bool NeedDb(httplib::Response& res) {
    if (!options_.db_path.empty()) return true;
    SendError(res, 404, "没有打开数据库（用 --db FILE 启动）。",
              "No database open (start with --db FILE).");
    return false;
  }

  std::string Nav() const {
    return "<h1>budgetdoc</h1><nav><a href=\"/\">上传 / Upload</a><a "
           "href=\"/db\">文件 / Documents</a><a href=\"/db/findings\">问题 / "
           "Findings</a></nav>";
  }

  void Documents(const httplib::Request& req, httplib::Response& res) {
    if (!NeedDb(res)) return;
    Filter f = FilterOf(req);
    std::vector<std::map<std::string, std::string>> rows;
    size_t total = 0;
    Status s = ReadRows(ExportTable::kDocuments, f, 1000, &rows, &total);
    if (!s.ok()) return DbUnreadable(res, s);
    std::string body =
        Nav() + FilterForm("/db", f) + "<p>" + std::to_string(total) +
        " 个文件 / documents" +
        (rows.size() < total
             ? "（列出前 " + std::to_string(rows.size()) + " 个）"
             : "") +
        "</p><table><tr><th>单位 body</th><th>地区 "
        "region</th><th>年度 year</th><th>类型 kind</th><th>矛盾 "
        "errors</th><th>轻微 warnings</th><th>状态 "
        "status</th><th>文件 path</th></tr>";
    for (auto& r : rows) {
      body += "<tr><td>" + HtmlEscape(r["entity"]) + "</td><td>" +
              HtmlEscape(r["region_name"]) + " " +
              HtmlEscape(r["region_code"]) + "</td><td>" +
              HtmlEscape(r["fiscal_year"]) + "</td><td>" +
              HtmlEscape(r["kind"]) + "</td><td class=\"material\">" +
              HtmlEscape(r["check_errors"]) + "</td><td class=\"minor\">" +
              HtmlEscape(r["check_warnings"]) + "</td><td>" +
              HtmlEscape(r["status"]) +
              (r["error"].empty() ? "" : ": " + HtmlEscape(r["error"])) +
              "</td><td>" + HtmlEscape(r["path"]) + "</td></tr>";
    }
    body += "</table>";
    SendPage(res, 200, Page("budgetdoc · documents", body));
  }

  void Findings(const httplib::Request& req, httplib::Response& res) {
    if (!NeedDb(res)) return;
    Filter f = FilterOf(req);
    std::vector<std::map<std::string, std::string>> all;
    size_t total = 0;
    Status s = ReadRows(ExportTable::kFindings, f, 100000, &all, &total);
    if (!s.ok()) return DbUnreadable(res, s);
    // Only what a report shows as a finding.
    std::vector<std::map<std::string, std::string>*> rows;
    std::map<std::string, size_t> by_rule;
    for (auto& r : all) {
      CheckResult cr;
      for (Verdict v : {Verdict::kMaterial, Verdict::kMinor, Verdict::kPass,
                        Verdict::kNotApplicable, Verdict::kNotChecked}) {
        if (r["outcome"] == VerdictName(v)) cr.verdict = v;
      }
      DisplayClass c = DisplayClassOf(cr);
      if (c != DisplayClass::kMaterial && c != DisplayClass::kMinor) continue;
      r["class"] = std::string(DisplayClassName(c));
      ++by_rule[r["rule"]];
      rows.push_back(&r);
    }
    std::string body = Nav() + FilterForm("/db/findings", f) + "<p>" +
                       std::to_string(rows.size()) +
                       " 处问题 / findings</p><table><tr><th>规则 "
                       "rule</th><th>数量 count</th></tr>";
    for (const auto& [rule, n] : by_rule) {
      body += "<tr><td><code>" + HtmlEscape(rule) + "</code></td><td>" +
              std::to_string(n) + "</td></tr>";
    }
    body +=
        "</table><h2>明细 / Details</h2><table><tr><th>单位 body</th><th>地区 "
        "region</th><th>年度 year</th><th>规则 rule</th><th>说明 "
        "message</th><th>文件 path</th></tr>";
    size_t shown = 0;
    for (auto* r : rows) {
      if (++shown > 1000) break;
      body += "<tr><td>" + HtmlEscape((*r)["entity"]) + "</td><td>" +
              HtmlEscape((*r)["region_name"]) + "</td><td>" +
              HtmlEscape((*r)["fiscal_year"]) + "</td><td class=\"" +
              HtmlEscape((*r)["class"]) + "\"><code>" +
              HtmlEscape((*r)["rule"]) + "</code></td><td>" +
              HtmlEscape((*r)["message"]) + "</td><td>" +
              HtmlEscape((*r)["path"]) + "</td></tr>";
    }
    body += "</table>";
    SendPage(res, 200, Page("budgetdoc · findings", body));
  }

  ServeOptions options_;
  Slots slots_;
};

}  // namespace

int RunServer(ServeOptions options, std::ostream& out, std::ostream& err) {
  return Server(std::move(options)).Run(out, err);
}

}  // namespace budgetdoc
