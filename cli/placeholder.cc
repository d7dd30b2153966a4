namespace budgetdoc {
extern const int kCliPlaceholder = 0;
}
