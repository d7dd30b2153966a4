// The role of each printed value (ClaimReader; schema/claim_reader.h).
// Tested through tests/schema/claims_test.cc.
#include "base/utf8.h"
#include "schema/claim_reader.h"
#include "schema/class_path.h"
#include "schema/classification.h"
#include "schema/money.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace budgetdoc {
namespace claims_internal {

bool ClaimReader::PercentRole(std::string_view t, const Mention& mention,
                              std::string_view lead,
                              std::string_view sentence_before,
                              const std::vector<SubjectMatch>& subjects,
                              ClaimValue* v) {
  v->value = mention.value;
  std::string_view after =
      std::string_view(t).substr(static_cast<size_t>(mention.end));
  // The cue ending nearest before the value wins; the longer on a tie.
  const Cues::Role* best = nullptr;
  size_t best_end = 0;
  for (const Cues::Role& r : TheCues().roles) {
    if (r.after) {
      if (StartsWith(after, r.cue)) {
        Unclaim(static_cast<size_t>(v->mention), r.value, r.cue);
        return false;
      }
      continue;
    }
    size_t p = lead.rfind(r.cue);
    if (p == std::string_view::npos) continue;
    size_t end = p + r.cue.size();
    if (best == nullptr || end > best_end ||
        (end == best_end && r.cue.size() > best->cue.size())) {
      best = &r;
      best_end = end;
    }
  }
  std::string direction = DirectionIn(lead);
  size_t direction_end = std::string_view::npos;
  if (!direction.empty()) {
    direction_end =
        LastOf(lead, {"增加", "增长", "上升", "提高", "减少", "下降", "降低",
                      "节约", "持平", "增幅", "降幅", "减幅", "增", "减"});
  }
  bool direction_wins =
      !direction.empty() && (best == nullptr || direction_end > best_end);
  if (best != nullptr && !direction_wins) {
    if (best->kind == "not_claim") {
      bool compared = ComparisonIn(sentence_before, meta_.fiscal_year).year > 0;
      if ((best->cue == "压减" || best->cue == "压缩") && compared) {
        v->role = ValueRole::kRate;
        v->direction = "减少";
        return true;
      }
      Unclaim(static_cast<size_t>(v->mention), best->value, best->cue);
      return false;
    }
    if (best->value == "share") {
      v->role = ValueRole::kShare;
      // The base follows 占: "占本年支出合计的", "占“三公”经费的".
      size_t zhan = lead.rfind("占");
      if (zhan != std::string_view::npos) {
        std::string_view base = lead.substr(zhan + 3);
        int from = static_cast<int>(base.data() - t.data());
        int to = mention.begin;
        std::optional<SubjectMatch> term = LastSubjectIn(subjects, from, to);
        if (!term) {
          std::vector<SubjectMatch> inside = metrics_.FindSubjects(base);
          if (!inside.empty()) {
            term = inside.back();
            term->begin += from;
            term->end += from;
          }
        }
        if (term) v->base_metric = term->metric->id;
        std::string label(base);
        for (std::string_view tail :
             {"的比重为", "的比例为", "的比重", "的比例", "比重为", "比例为",
              "比重", "比例", "的", "为"}) {
          if (EndsWith(label, tail)) {
            label.resize(label.size() - tail.size());
            break;
          }
        }
        v->base_label = label;
      }
      return true;
    }
    // completion:<basis>
    v->role = ValueRole::kCompletion;
    v->basis = best->value.substr(best->value.find(':') + 1);
    return true;
  }
  if (direction_wins) {
    v->role = ValueRole::kRate;
    v->direction = direction;
    return true;
  }
  Unclaim(static_cast<size_t>(v->mention),
          Contains(lead, "率") ? "not_fiscal" : "no_role",
          std::string(Ellipsize(lead, 16)));
  return false;
}

void ClaimReader::AmountRole(const Mention& mention, std::string_view lead,
                             std::string_view sentence_before, ClaimValue* v) {
  v->role = ValueRole::kAmount;
  std::string direction = DirectionIn(lead);
  if (!direction.empty()) {
    v->role = ValueRole::kChange;
    v->direction = direction;
  }
  std::string basis = BasisWord(lead);
  if (basis == "budget" && !Contains(lead, "预算数") &&
      !Contains(lead, "预算为") && !Contains(lead, "预算安排") &&
      !EndsWith(StripLead(lead), "预算") && !Contains(lead, "安排")) {
    // "预算" inside another word of the lead ("预算单位") is no basis.
    basis = Contains(lead, "决算") ? "actual" : "";
  }
  if (basis.empty() && Contains(lead, "安排")) basis = "budget";
  if (!basis.empty()) v->basis = basis;
  if (v->role == ValueRole::kAmount && meta_.fiscal_year > 0) {
    // The period: a year printed before the value in its clause, or
    // 上年/去年.
    int year = 0;
    size_t p = lead.rfind("年");
    while (p != std::string_view::npos && p >= 4) {
      std::string_view y = lead.substr(p - 4, 4);
      if (std::all_of(y.begin(), y.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        year = std::atoi(std::string(y).c_str());
        break;
      }
      if (p == 0) break;
      p = lead.rfind("年", p - 1);
    }
    if (year >= meta_.fiscal_year - 5 && year <= meta_.fiscal_year + 1) {
      v->year = year;
    } else if ((Contains(lead, "上年") || Contains(lead, "去年") ||
                Contains(lead, "上一年")) &&
               !Contains(lead, "上年结转") && !Contains(lead, "上年结余") &&
               !Contains(lead, "上年度结转")) {
      // 上年结转/上年结余 are this year's receipts carried over from last
      // year, not last year's figures.
      v->year = meta_.fiscal_year - 1;
    }
  }
  (void)sentence_before;
  if (mention.kind == MentionKind::kBareNumber) {
    v->value = mention.value;  // unit missing: value kept as printed
    v->bare = true;
  } else {
    v->value = ToWanYuan(mention.value, mention.unit);
  }
}

bool ClaimReader::CountRole(std::string_view t, const Span& sent,
                            const Mention& mention, int section,
                            ClaimValue* v) {
  v->role = ValueRole::kCount;
  v->value = mention.value;
  std::string_view sentence =
      t.substr(static_cast<size_t>(sent.begin),
               static_cast<size_t>(sent.end - sent.begin));
  std::string_view before =
      t.substr(static_cast<size_t>(sent.begin),
               static_cast<size_t>(mention.begin - sent.begin));
  std::string title;
  for (int s = section; s > 0;
       s = nd_.sections.sections[static_cast<size_t>(s)].parent) {
    title += nd_.sections.sections[static_cast<size_t>(s)].title;
  }
  auto window = [&](size_t n) {
    return t.substr(static_cast<size_t>(mention.end), n);
  };
  const std::string& u = mention.unit;
  std::string metric;
  if (u == "辆") {
    if (Contains(before, "购置") && !Contains(before, "共有") &&
        !Contains(before, "保有")) {
      metric = "three_public.vehicle.purchased_count";
    } else if (Contains(title, "国有资产") || Contains(title, "资产占用") ||
               Contains(title, "资产占有") ||
               Contains(before, "国有资产占有") ||
               Contains(before, "国有资产占用") ||
               Contains(before, "资产占有使用")) {
      // (The title may be printed on the sentence's own line: 「（三）国有
      // 资产占有使用情况说明截至2025年12月31日，…共有车辆10辆」.)
      // The asset section's 车辆 include special-purpose vehicles; a count
      // it names 公务用车 is the fleet itself; a vehicle category
      // ("一般公务用车13辆、执法执勤用车38辆") is neither.
      size_t clause = static_cast<size_t>(sent.begin);
      for (std::string_view d : {"，", ",", "：", ":", "、", "；"}) {
        size_t p = t.substr(0, static_cast<size_t>(mention.begin)).rfind(d);
        if (p != std::string_view::npos &&
            p >= static_cast<size_t>(sent.begin) && p + d.size() > clause) {
          clause = p + d.size();
        }
      }
      std::string_view local =
          t.substr(clause, static_cast<size_t>(mention.begin) - clause);
      size_t paren = LastOf(local, {"（", "("});
      if (paren != std::string_view::npos) local.remove_prefix(paren);
      static constexpr std::string_view kCategories[] = {
          "一般公务用车", "执法执勤", "特种专业", "其他用车",
          "领导",         "机要通信", "应急保障", "离退休干部用车"};
      bool category = false;
      for (std::string_view c : kCategories) category |= Contains(local, c);
      if (category) return false;
      metric = Contains(local, "公务用车") ? "three_public.vehicle.fleet_count"
                                           : "assets.vehicles";
    } else if (Contains(sentence, "公务用车") || Contains(sentence, "车辆")) {
      metric = "three_public.vehicle.fleet_count";
    }
  } else if (u == "批次" || (u == "批" && Contains(sentence, "接待"))) {
    metric = "three_public.reception.batches";
  } else if (u == "人次" || u == "人") {
    if (Contains(before, "接待")) {
      metric = "three_public.reception.visitors";
    } else if (Contains(before, "出国") || Contains(before, "出境")) {
      metric = "three_public.outbound.persons";
    } else if (u == "人" &&
               (Contains(before, "在职") || Contains(before, "在编"))) {
      metric = "staff.total";
    }
  } else if (u == "团组" ||
             ((u == "个" || u == "次") && Contains(before, "团组"))) {
    metric = "three_public.outbound.groups";
  } else if (u == "个" &&
             (EndsWith(t.substr(0, static_cast<size_t>(mention.end) + 6),
                       "股室") ||
              Contains(window(12), "股室") || Contains(window(12), "科室") ||
              Contains(window(12), "处室") ||
              Contains(window(18), "内设机构"))) {
    metric = "org.internal_units";
  }
  if (metric.empty() && u == "个") {
    std::string_view after = window(24);
    if (Contains(after, "项目") &&
        (Contains(sentence, "绩效目标") || Contains(after, "绩效目标"))) {
      metric = "perf.projects.with_targets";
    } else if ((Contains(before, "下属") || Contains(before, "所属") ||
                Contains(before, "代管")) &&
               (Contains(before, "单位") || Contains(after, "单位"))) {
      metric = "org.affiliated_units";
    }
  }
  if (metric.empty()) return false;
  v->count_metric = metric;
  return true;
}

}  // namespace claims_internal
}  // namespace budgetdoc
