namespace budgetdoc {
extern const int koutputPlaceholder = 0;
}
