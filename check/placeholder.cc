namespace budgetdoc {
extern const int kcheckPlaceholder = 0;
}
