#include "normalize/sections.h"

#include "base/utf8.h"
#include "normalize/numbers.h"

#include <algorithm>
#include <optional>

namespace budgetdoc {
namespace {

constexpr size_t kMaxTitleChars = 40;
constexpr size_t kListTitleChars = 30;

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s[0] == ' ' || s[0] == '\t')) s.remove_prefix(1);
  while (StartsWith(s, "\xE3\x80\x80")) s.remove_prefix(3);
  return s;
}

std::string Trim(std::string_view s) {
  s = TrimLeft(s);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

// Reads a run of Chinese numeral characters at the start of s.
size_t ChineseNumeralPrefix(std::string_view s) {
  static constexpr std::string_view kChars = "零〇一二两三四五六七八九十百";
  size_t pos = 0, end = 0;
  while (pos < s.size()) {
    size_t before = pos;
    char32_t c = DecodeUtf8(s, &pos);
    std::string enc;
    AppendUtf8(c, &enc);
    if (c < 0x80 || kChars.find(enc) == std::string_view::npos) {
      pos = before;
      break;
    }
    end = pos;
  }
  return end;
}

size_t DigitPrefix(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return n;
}

bool ConsumeAny(std::string_view* s,
                std::initializer_list<std::string_view> opts,
                std::string* label) {
  for (std::string_view o : opts) {
    if (StartsWith(*s, o)) {
      *label += std::string(o);
      s->remove_prefix(o.size());
      return true;
    }
  }
  return false;
}

// Fills title / inline_body / list_like from the text after the label.
void SetTitle(std::string_view rest, HeadingLabel* out) {
  std::string r = Trim(rest);
  size_t stop = r.find("。");
  std::string title = r;
  if (stop != std::string::npos) {
    title = r.substr(0, stop);
    out->inline_body = stop + 3 < r.size();
  }
  out->title = Trim(title);
  size_t chars = CountCodePoints(out->title);
  bool clause_punct = out->title.find("，") != std::string::npos ||
                      out->title.find("；") != std::string::npos ||
                      out->title.find("：") != std::string::npos ||
                      out->title.find(":") != std::string::npos ||
                      out->title.find(",") != std::string::npos;
  out->list_like =
      chars > kListTitleChars || clause_punct || out->title.empty();
  if (!out->inline_body && CountCodePoints(r) > kMaxTitleChars) {
    out->list_like = true;
  }
}

}  // namespace

bool ParseHeadingLabel(std::string_view line, HeadingLabel* out) {
  std::string_view s = TrimLeft(line);
  HeadingLabel h;
  // 第X部分
  if (StartsWith(s, "第")) {
    std::string_view t = s.substr(3);
    size_t n = ChineseNumeralPrefix(t);
    if (n > 0 && StartsWith(t.substr(n), "部分")) {
      h.style = "part";
      h.ordinal =
          static_cast<int>(ParseChineseNumeral(t.substr(0, n)).value_or(0));
      h.label = std::string(s.substr(0, 3 + n + 6));
      SetTitle(t.substr(n + 6), &h);
      h.list_like = false;
      *out = h;
      return true;
    }
  }
  // 附件N / 附表N / 名词解释
  if (StartsWith(s, "附件") || StartsWith(s, "附表")) {
    std::string_view t = s.substr(6);
    size_t d = DigitPrefix(t);
    size_t c = d == 0 ? ChineseNumeralPrefix(t) : 0;
    std::string rest = Trim(t.substr(d + c));
    if (CountCodePoints(rest) <= 12 && rest.find("：") == std::string::npos) {
      h.style = "annex";
      h.ordinal =
          d > 0 ? std::stoi(std::string(t.substr(0, std::min<size_t>(d, 6))))
                : static_cast<int>(
                      ParseChineseNumeral(t.substr(0, c)).value_or(0));
      h.label = std::string(s.substr(0, 6 + d + c));
      h.title = rest;
      *out = h;
      return true;
    }
  }
  if (Trim(s) == "名词解释" || Trim(s) == "附表" || Trim(s) == "附件") {
    h.style = "title";
    h.title = Trim(s);
    *out = h;
    return true;
  }
  // （一） (一) （1） (1)
  if (StartsWith(s, "（") || StartsWith(s, "(")) {
    size_t open = StartsWith(s, "（") ? 3 : 1;
    std::string_view t = s.substr(open);
    size_t c = ChineseNumeralPrefix(t);
    size_t d = c == 0 ? DigitPrefix(t) : 0;
    size_t n = c + d;
    if (n > 0 && n <= 9) {
      std::string_view after = t.substr(n);
      size_t close =
          StartsWith(after, "）") ? 3 : (StartsWith(after, ")") ? 1 : 0);
      if (close > 0) {
        h.style = c > 0 ? "paren_cn" : "paren_num";
        h.ordinal =
            c > 0 ? static_cast<int>(
                        ParseChineseNumeral(t.substr(0, c)).value_or(0))
                  : std::stoi(std::string(t.substr(0, std::min<size_t>(d, 6))));
        h.label = std::string(s.substr(0, open + n + close));
        SetTitle(after.substr(close), &h);
        *out = h;
        return true;
      }
    }
    return false;
  }
  // 一、
  {
    size_t c = ChineseNumeralPrefix(s);
    if (c > 0 && c <= 9 && StartsWith(s.substr(c), "、")) {
      h.style = "cn";
      h.ordinal =
          static_cast<int>(ParseChineseNumeral(s.substr(0, c)).value_or(0));
      h.label = std::string(s.substr(0, c + 3));
      SetTitle(s.substr(c + 3), &h);
      *out = h;
      return true;
    }
  }
  // 1. 1、 (not 1.5)
  {
    size_t d = DigitPrefix(s);
    if (d > 0 && d <= 2) {
      std::string_view after = s.substr(d);
      std::string label(s.substr(0, d));
      bool dot = ConsumeAny(&after, {"."}, &label);
      bool dun = !dot && ConsumeAny(&after, {"、"}, &label);
      if ((dot || dun) &&
          !(dot && !after.empty() && after[0] >= '0' && after[0] <= '9')) {
        h.style = dot ? "num" : "num_dun";
        h.ordinal = std::stoi(std::string(s.substr(0, d)));
        h.label = label;
        SetTitle(after, &h);
        *out = h;
        return true;
      }
    }
  }
  // ①
  {
    size_t pos = 0;
    if (!s.empty()) {
      DecodeUtf8(s, &pos);
      std::optional<int> n = ParseCircledNumber(s.substr(0, pos));
      if (n) {
        h.style = "circled";
        h.ordinal = *n;
        h.label = std::string(s.substr(0, pos));
        SetTitle(s.substr(pos), &h);
        *out = h;
        return true;
      }
    }
  }
  return false;
}

namespace {

// Styles that stand for the same level when numbering was lost in
// conversion: "1、" where "一、" was meant, "（2）" among "（一）".
bool Counterparts(std::string_view a, std::string_view b) {
  auto pair = [&](std::string_view x, std::string_view y) {
    return (a == x && b == y) || (a == y && b == x);
  };
  return pair("cn", "num_dun") || pair("paren_cn", "paren_num") ||
         pair("cn", "num") || pair("num", "num_dun");
}

struct OpenLevel {
  int section;
  std::vector<std::string> styles;
};

}  // namespace

std::string SectionTree::Path(int section) const {
  std::vector<std::string> parts;
  for (int s = section; s > 0; s = sections[static_cast<size_t>(s)].parent) {
    const Section& sec = sections[static_cast<size_t>(s)];
    parts.push_back(sec.label.empty() ? sec.title : sec.label);
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!out.empty()) out += "/";
    out += *it;
  }
  return out;
}

SectionTree BuildSections(const std::vector<SectionInput>& blocks,
                          FindingSink* findings) {
  SectionTree tree;
  Section root;
  root.id = 0;
  root.end_block = static_cast<int>(blocks.size());
  tree.sections.push_back(root);
  tree.block_section.assign(blocks.size(), 0);

  // Parse labels, then resolve runs: consecutive labels of one style where
  // any reads as a list item are all list items.
  std::vector<std::optional<HeadingLabel>> labels(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    HeadingLabel h;
    if (!blocks[i].text.empty() && ParseHeadingLabel(blocks[i].text, &h)) {
      labels[i] = h;
    } else if (blocks[i].heading_hint && !blocks[i].text.empty() &&
               CountCodePoints(blocks[i].text) <= kMaxTitleChars) {
      h.style = "h" + std::to_string(std::max(1, blocks[i].heading_level));
      h.title = blocks[i].text;
      labels[i] = h;
    }
  }
  for (size_t i = 0; i < blocks.size();) {
    if (!labels[i] || labels[i]->style == "part") {
      ++i;
      continue;
    }
    const std::string style = labels[i]->style;
    size_t j = i;
    bool any_list = false;
    std::vector<size_t> run;
    while (j < blocks.size()) {
      if (labels[j]) {
        if (labels[j]->style != style) break;
        run.push_back(j);
        any_list = any_list || labels[j]->list_like;
      }
      ++j;
      // Unlabelled paragraphs between items end the run unless the items
      // carry their own text (inline bodies).
      if (j < blocks.size() && !labels[j] && !blocks[j].text.empty()) break;
    }
    if (any_list && run.size() > 1) {
      for (size_t k : run) labels[k]->list_like = true;
    }
    i = run.empty() ? i + 1 : run.back() + 1;
  }

  std::vector<OpenLevel> stack;  // open sections, outermost first
  auto close_to = [&](size_t depth, int block) {
    while (stack.size() > depth) {
      tree.sections[static_cast<size_t>(stack.back().section)].end_block =
          block;
      stack.pop_back();
    }
  };
  auto note = [&](std::string_view rule, const std::string& msg, int block) {
    if (findings == nullptr) return;
    Provenance p;
    p.block = block;
    findings->Add(Severity::kInfo, rule, msg, p);
  };

  for (size_t i = 0; i < blocks.size(); ++i) {
    int block = static_cast<int>(i);
    if (!labels[i] || labels[i]->list_like) {
      tree.block_section[i] = stack.empty() ? 0 : stack.back().section;
      continue;
    }
    const HeadingLabel& h = *labels[i];
    // Find the level this heading belongs to.
    std::optional<size_t> level;
    bool mixed = false;
    if (h.style == "part") {
      if (!stack.empty() &&
          std::find(stack[0].styles.begin(), stack[0].styles.end(), "part") !=
              stack[0].styles.end()) {
        level = 0;
      }
    } else {
      for (size_t d = stack.size(); d-- > 0;) {
        const auto& st = stack[d].styles;
        if (std::find(st.begin(), st.end(), h.style) != st.end()) {
          level = d;
          break;
        }
      }
      if (!level) {
        for (size_t d = stack.size(); d-- > 0;) {
          const Section& sec =
              tree.sections[static_cast<size_t>(stack[d].section)];
          bool counterpart = false;
          for (const auto& st : stack[d].styles)
            counterpart |= Counterparts(st, h.style);
          if (counterpart && sec.ordinal + 1 == h.ordinal) {
            level = d;
            mixed = true;
            break;
          }
        }
      }
    }
    Section sec;
    sec.id = static_cast<int>(tree.sections.size());
    sec.style = h.style;
    sec.ordinal = h.ordinal;
    sec.label = h.label;
    sec.title = h.title;
    sec.block = block;
    if (level) {
      const Section& prev =
          tree.sections[static_cast<size_t>(stack[*level].section)];
      if (h.ordinal > 0 && prev.ordinal > 0) {
        if (h.ordinal == prev.ordinal) {
          note("numbering.repeated",
               "heading number " + h.label + " repeats the previous one (" +
                   prev.label + ")",
               block);
        } else if (h.ordinal > prev.ordinal + 1) {
          note("numbering.skipped",
               "heading " + h.label + " follows " + prev.label +
                   ": number skipped",
               block);
        } else if (h.ordinal < prev.ordinal) {
          note("numbering.restarted",
               "heading " + h.label + " restarts numbering after " + prev.label,
               block);
        }
      }
      if (mixed) {
        note("numbering.mixed",
             "heading " + h.label +
                 " uses a different numbering style than its sibling " +
                 prev.label,
             block);
        stack[*level].styles.push_back(h.style);
      }
      std::vector<std::string> styles = stack[*level].styles;
      close_to(*level, block);
      sec.parent = stack.empty() ? 0 : stack.back().section;
      stack.push_back({sec.id, styles});
    } else {
      if (h.style == "part") close_to(0, block);
      sec.parent = stack.empty() ? 0 : stack.back().section;
      if (h.ordinal > 1 && h.style != "annex") {
        note("numbering.starts_late",
             "first heading of its level is " + h.label, block);
      }
      stack.push_back({sec.id, {h.style}});
    }
    sec.depth = tree.sections[static_cast<size_t>(sec.parent)].depth + 1;
    tree.sections[static_cast<size_t>(sec.parent)].children.push_back(sec.id);
    tree.sections.push_back(sec);
    tree.block_section[i] = sec.id;
  }
  close_to(0, static_cast<int>(blocks.size()));
  return tree;
}

std::string SectionsDebugString(const SectionTree& tree) {
  std::string out;
  for (size_t i = 1; i < tree.sections.size(); ++i) {
    const Section& s = tree.sections[i];
    out += std::string(static_cast<size_t>(2 * (s.depth - 1)), ' ');
    out += s.label.empty() ? "" : s.label;
    out += s.title;
    out += " [" + s.style + " " + std::to_string(s.ordinal) + "] b" +
           std::to_string(s.block) + ".." + std::to_string(s.end_block) + "\n";
  }
  return out;
}

}  // namespace budgetdoc
