#include "base/utf8.h"
#include "check/families.h"
#include "check/rules.h"
#include "normalize/text.h"
#include "schema/class_path.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace budgetdoc {
namespace {

class CodeChecks : public CheckContext {
 public:
  explicit CodeChecks(const CheckContext& cx) : CheckContext(cx) {}

  void Run() {
    CheckClassNames();
    CheckTableCodeNames();
  }

 private:
  struct PathSeen {
    ClassPath path;
    int block;
  };

  void CheckClassNames() {
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    std::map<std::string, std::vector<PathSeen>> by_item;  // canonical 项 name
    for (size_t b = 0; b < nd_.blocks.size(); ++b) {
      const std::string& t = nd_.blocks[b].text;
      ClassPath p;
      if (!Contains(t, "（项）") ||
          !ParseClassPath(t.substr(0, t.rfind("（项）") + 9), &p))
        continue;
      if (p.xiang.empty()) continue;
      // A 项 name used under many 款 (行政运行, 机关服务, 其他…支出) is one
      // item only together with its 款.
      std::set<std::string> kuans_of_name;
      for (const ClassItem* c : cat.FindByName(p.xiang, ClassLevel::kXiang))
        kuans_of_name.insert(c->code.substr(0, 5));
      std::string key = StripZhiChu(CanonicalClassName(p.xiang));
      if (kuans_of_name.size() > 1)
        key = StripZhiChu(CanonicalClassName(p.kuan)) + "/" + key;
      by_item[key].push_back({p, static_cast<int>(b)});
    }
    auto canon_lei = [](const std::string& s) {
      return StripZhiChu(CanonicalClassName(s));
    };
    for (const auto& [item, seen] : by_item) {
      // Candidate codes for the 项 name; keep those whose 款 or 类 fit.
      std::vector<const ClassItem*> candidates =
          cat.FindByName(seen.front().path.xiang, ClassLevel::kXiang);
      std::vector<std::string> problems_zh, problems_en;
      std::set<std::string> leis, kuans;
      for (const PathSeen& s : seen) {
        CheckLevelWord(s, candidates);
        if (!s.path.lei.empty()) leis.insert(canon_lei(s.path.lei));
        if (!s.path.kuan.empty()) kuans.insert(canon_lei(s.path.kuan));
      }
      // Which 类 does the catalog put this 项 under?
      std::set<std::string> catalog_leis;
      for (const ClassItem* c : candidates) {
        if (const ClassItem* lei = cat.Find(c->code.substr(0, 3)))
          catalog_leis.insert(canon_lei(lei->name));
      }
      std::vector<int> blocks;
      for (const PathSeen& s : seen) {
        bool lei_ok = s.path.lei.empty() || catalog_leis.empty() ||
                      catalog_leis.count(canon_lei(s.path.lei)) > 0 ||
                      ValidClassName(s.path.xiang, s.path.lei);
        if (!lei_ok) {
          std::string expected;
          for (const std::string& l : catalog_leis)
            expected += (expected.empty() ? "" : "/") + l;
          problems_zh.push_back(
              "“" +
              nd_.sections.Path(
                  nd_.sections.block_section[static_cast<size_t>(s.block)]) +
              "”把“" + s.path.xiang + "（项）”列在“" + s.path.lei +
              "（类）”下，该项属于“" + expected + "”类");
          problems_en.push_back(s.path.xiang + " is printed under " +
                                s.path.lei + ", it belongs to " + expected);
          blocks.push_back(s.block);
        }
      }
      if (leis.size() > 1) {
        std::string list;
        for (const std::string& l : leis)
          list += (list.empty() ? "" : "、") + l;
        problems_zh.push_back("同一项在不同位置所属类名称不一致：" + list);
        problems_en.push_back(
            "the same item is printed under different classes: " + list);
      }
      bool kuan_only = problems_zh.empty() && kuans.size() > 1;
      if (kuans.size() > 1) {
        std::string list;
        for (const std::string& k : kuans)
          list += (list.empty() ? "" : "、") + k;
        problems_zh.push_back("同一项在不同位置所属款名称不一致：" + list);
        problems_en.push_back(
            "the same item is printed under different 款 names: " + list);
      }
      if (problems_zh.empty()) continue;
      CheckResult r;
      r.rule = kuan_only ? "code.name_variant" : "code.name_mismatch";
      r.outcome = Outcome::kFail;
      if (kuan_only) {
        // One 款 named two ways is one slip, whichever items show it.
        std::string list;
        for (const std::string& k : kuans) list += k + "|";
        r.slip = list;
        r.slip_anywhere = true;
      }
      std::string zh, en;
      for (const std::string& p : problems_zh)
        zh += (zh.empty() ? "" : "；") + p;
      for (const std::string& p : problems_en)
        en += (en.empty() ? "" : "; ") + p;
      r.message = opts_.english
                      ? "class names of " + seen.front().path.xiang + ": " + en
                      : "“" + seen.front().path.xiang + "”的科目归属：" + zh;
      for (const PathSeen& s : seen) r.evidence.push_back(PathEvidence(s));
      Add(std::move(r));
    }
  }

  // A 款 labelled （类） before the 项 it holds (「社会保障和就业支出（类）行政
  // 事业单位养老支出（类）机关事业单位基本养老保险缴费支出（项）」, read by
  // ParseClassPath as 类/款/项): the item is filed right, the level word is
  // wrong. One result per place when the catalog has that 款 over the 项;
  // repeats in one section are one finding (check/defects.h).
  void CheckLevelWord(const PathSeen& s,
                      const std::vector<const ClassItem*>& candidates) {
    if (!s.path.kuan_marked_lei) return;
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    std::string printed = StripZhiChu(CanonicalClassName(s.path.kuan));
    const ClassItem* kuan = nullptr;
    for (const ClassItem* c : candidates) {
      const ClassItem* k = cat.Find(c->code.substr(0, 5));
      if (k != nullptr && StripZhiChu(CanonicalClassName(k->name)) == printed)
        kuan = k;
    }
    if (kuan == nullptr) return;
    CheckResult r;
    r.rule = "code.level_word";
    r.outcome = Outcome::kFail;
    r.slip = "（类）→（款）";
    r.message =
        opts_.english
            ? s.path.kuan + " is labelled （类） where the catalog has a 款 (" +
                  kuan->code + "); the item " + s.path.xiang +
                  " is filed under the right class"
            : "“" + s.path.kuan + "”标为（类），科目目录中它是款级科目（" +
                  kuan->code + "），应标为（款）；其下“" + s.path.xiang +
                  "（项）”归属无误";
    Evidence e = PathEvidence(s);
    e.value = "（类）";
    r.evidence.push_back(std::move(e));
    Add(std::move(r));
  }

  // A class path as printed in its block: the path, the block's text.
  Evidence PathEvidence(const PathSeen& s) const {
    Evidence e;
    e.label = s.path.lei + "/" + s.path.kuan + "/" + s.path.xiang;
    e.quote = Ellipsize(nd_.blocks[static_cast<size_t>(s.block)].text, 120);
    e.origin = "narrative";
    e.where.block = s.block;
    e.where.page = nd_.doc.blocks[static_cast<size_t>(s.block)].page;
    e.location = nd_.sections.Path(
        nd_.sections.block_section[static_cast<size_t>(s.block)]);
    return e;
  }

  // A table row whose code and printed name disagree: the name belongs to
  // another code of the catalog ("2080505 行政单位离退休").
  void CheckTableCodeNames() {
    const ClassificationCatalog& cat = ClassificationCatalog::Default();
    std::set<std::pair<int, int>> rows;
    for (const Fact& f : ex_.facts) {
      if (f.origin != Origin::kTable || f.code.size() < 3 ||
          f.code_scheme != "func" || f.label.empty())
        continue;
      if (!rows.insert({f.where.table, f.where.row}).second) continue;
      const ClassItem* item = cat.Find(f.code);
      if (item == nullptr) continue;
      if (cat.NameMatches(f.code, f.label, ex_.meta.fiscal_year) !=
          NameMatch::kOtherClassName)
        continue;
      // Only a name that is exactly another 功能分类 item's, not an
      // abbreviation of this one ("职业年金缴费支出" for 机关事业单位…).
      std::string printed = StripZhiChu(CanonicalClassName(f.label));
      if (StripZhiChu(CanonicalClassName(item->name)).find(printed) !=
          std::string::npos)
        continue;
      bool other_item = false;
      for (const ClassItem* c : cat.FindByName(f.label)) {
        other_item |= c->code[0] == '2' && c->code != f.code &&
                      c->code.size() == f.code.size();
      }
      if (!other_item) continue;
      CheckResult r;
      r.rule = "code.name_mismatch";
      r.outcome = Outcome::kFail;
      r.message = opts_.english ? "table row " + f.code + " is named " +
                                      f.label + ", the name of another item; " +
                                      f.code + " is " + item->name
                                : "表中科目编码" + f.code + "印为“" + f.label +
                                      "”，这是另一科目的名称；" + f.code +
                                      "应为“" + item->name + "”";
      r.evidence = {EvidenceOf(f)};
      Add(std::move(r));
    }
  }
};

}  // namespace

void RunCodeChecks(const CheckContext& cx) { CodeChecks(cx).Run(); }

}  // namespace budgetdoc
