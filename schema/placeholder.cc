namespace budgetdoc {
extern const int kschemaPlaceholder = 0;
}
