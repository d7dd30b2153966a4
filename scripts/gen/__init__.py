"""Ground-truth report generator for budgetdoc (see docs/ground_truth.md)."""
