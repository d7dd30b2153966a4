// The JSON Schema of budgetdoc's JSON output. Keep in sync with
// output/schema_json.cc and output/json_writer.cc; tests/output validates
// real outputs against it.
#include "output/schema_json.h"

namespace budgetdoc {

std::string_view OutputJsonSchema() {
  static constexpr std::string_view kSchema = R"json({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://budgetdoc.invalid/schema/0.1.0/output.json",
  "title": "budgetdoc output",
  "description": "One report read by budgetdoc: metadata, facts in the common schema, recognized tables, the document, and (for check) the check results. Money values are exact decimal strings in 万元; printed values keep their printed unit and scale.",
  "type": "object",
  "required": ["schema_version", "source", "format", "report", "facts", "tables", "findings"],
  "properties": {
    "schema_version": {"type": "string"},
    "source": {"type": "string"},
    "format": {"enum": ["text", "docx", "html", "pdf", "unknown"]},
    "report": {"$ref": "#/$defs/report"},
    "facts": {"type": "array", "items": {"$ref": "#/$defs/fact"}},
    "tables": {"type": "array", "items": {"$ref": "#/$defs/table"}},
    "expected_tables": {"type": "array", "items": {"type": "string"}},
    "missing_tables": {"type": "array", "items": {"type": "string"}},
    "precision": {"type": "object", "required": ["narrative_amount_scale", "percent_scale"],
      "properties": {"narrative_amount_scale": {"type": "integer"}, "percent_scale": {"type": "integer"}}},
    "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
    "unreadable_pages": {"description": "Pages whose text layer could not be read (scanned images, garbled fonts); when any, the report is read in part.", "type": "array", "items": {"type": "object", "required": ["page", "reason"],
      "properties": {"page": {"type": "integer"}, "reason": {"type": "string"}}}},
    "document": {"type": "object"},
    "checks": {"$ref": "#/$defs/checks"}
  },
  "$defs": {
    "nullable_string": {"type": ["string", "null"]},
    "decimal": {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"},
    "where": {"type": "object", "properties": {
      "source": {"type": "string"}, "page": {"type": "integer"}, "part": {"type": "string"},
      "block": {"type": "integer"}, "table": {"type": "integer"}, "row": {"type": "integer"},
      "column": {"type": "integer"},
      "span": {"type": "array", "items": {"type": "integer"}},
      "raw_span": {"type": "array", "items": {"type": "integer"}}},
      "additionalProperties": false},
    "report": {"type": "object",
      "required": ["entity_name", "region_code", "fiscal_year", "kind", "scope", "is_template", "unknown_reasons"],
      "properties": {
        "entity_name": {"$ref": "#/$defs/nullable_string"},
        "region_name": {"$ref": "#/$defs/nullable_string"},
        "region_code": {"type": ["string", "null"], "pattern": "^[0-9]{6}$"},
        "region_level": {"$ref": "#/$defs/nullable_string"},
        "fiscal_year": {"type": ["integer", "null"]},
        "kind": {"enum": ["final_accounts", "budget", "three_public_note", null]},
        "scope": {"enum": ["部门", "单位", null]},
        "is_template": {"type": "boolean"},
        "text_unit": {"$ref": "#/$defs/nullable_string"},
        "unknown_reasons": {"type": "object", "additionalProperties": {"type": "string"}},
        "sources": {"type": "object", "additionalProperties": {"$ref": "#/$defs/where"}}}},
    "fact": {"type": "object",
      "required": ["metric", "measure", "value", "printed", "printed_unit", "printed_scale", "year", "basis",
                   "fund", "origin", "label", "quote", "where"],
      "properties": {
        "metric": {"type": "string"},
        "measure": {"enum": ["amount", "share", "change", "rate", "completion", "count"]},
        "value": {"$ref": "#/$defs/decimal"},
        "value_unit": {"type": "string"},
        "printed": {"$ref": "#/$defs/decimal"},
        "printed_unit": {"type": "string"},
        "printed_scale": {"type": "integer", "minimum": 0},
        "year": {"type": ["integer", "null"]},
        "comparison_year": {"type": ["integer", "null"]},
        "basis": {"enum": ["actual", "budget", "budget_initial", "budget_adjusted", "prior"]},
        "fund": {"enum": ["all", "fiscal", "gpb", "gov_fund", "soe"]},
        "code": {"type": ["string", "null"], "pattern": "^[0-9]{3}([0-9]{2}){0,2}$"},
        "code_scheme": {"enum": ["func", "econ", null]},
        "direction": {"$ref": "#/$defs/nullable_string"},
        "base_metric": {"$ref": "#/$defs/nullable_string"},
        "origin": {"enum": ["narrative", "table", "chart"]},
        "label": {"type": "string"},
        "quote": {"type": "string"},
        "where": {"$ref": "#/$defs/where"},
        "section": {"type": "string"},
        "table": {"type": "integer"},
        "column": {"type": "string"},
        "on_unreadable_page": {"type": "boolean"}},
      "additionalProperties": false},
    "table": {"type": "object",
      "required": ["table", "canonical_id", "title", "unit", "columns", "empty", "empty_statement"],
      "properties": {
        "table": {"type": "integer"},
        "canonical_id": {"$ref": "#/$defs/nullable_string"},
        "name": {"$ref": "#/$defs/nullable_string"},
        "title": {"type": "string"},
        "unit": {"enum": ["万元", "元", "亿元", null]},
        "amount_scale": {"type": "integer"},
        "empty": {"type": "boolean"},
        "empty_statement": {"type": "boolean"},
        "columns": {"type": "array", "items": {"type": "object", "required": ["column", "role"],
          "properties": {"column": {"type": "integer"}, "role": {"type": "string"},
                         "basis": {"$ref": "#/$defs/nullable_string"}, "header": {"type": "string"}}}}}},
    "finding": {"type": "object", "required": ["severity", "rule", "message", "where"],
      "properties": {
        "severity": {"enum": ["info", "warning", "error"]},
        "rule": {"type": "string"}, "message": {"type": "string"},
        "where": {"type": "array", "items": {"$ref": "#/$defs/where"}}}},
    "checks": {"type": "object", "required": ["results", "summary"],
      "properties": {
        "results": {"type": "array", "items": {"type": "object",
          "required": ["rule", "outcome", "severity", "message", "evidence"],
          "properties": {
            "rule": {"type": "string"},
            "outcome": {"enum": ["pass", "rounding", "fail", "not_applicable", "not_checked"]},
            "severity": {"enum": ["info", "warning", "error"]},
            "message": {"type": "string"},
            "printed": {"$ref": "#/$defs/nullable_string"},
            "expected": {"$ref": "#/$defs/nullable_string"},
            "difference": {"$ref": "#/$defs/nullable_string"},
            "tolerance": {"$ref": "#/$defs/nullable_string"},
            "hint": {"$ref": "#/$defs/nullable_string"},
            "reason": {"$ref": "#/$defs/nullable_string"},
            "capped": {"type": "boolean"},
            "evidence": {"type": "array", "items": {"type": "object",
              "required": ["label", "value", "quote", "location", "origin", "where"],
              "properties": {"label": {"type": "string"}, "value": {"type": "string"},
                "quote": {"type": "string"}, "location": {"type": "string"},
                "origin": {"type": "string"}, "where": {"$ref": "#/$defs/where"}}}}}}},
        "summary": {"type": "object", "required": ["pass", "rounding", "fail", "not_applicable", "not_checked", "errors", "warnings"]}}}
  }
})json";
  return kSchema;
}

}  // namespace budgetdoc
