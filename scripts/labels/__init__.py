"""Tools for the hand-labelled real-report set (docs/ground_truth.md, tests/labels/)."""
