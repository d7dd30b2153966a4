namespace budgetdoc {
extern const int kNormalizePlaceholder = 0;
}
