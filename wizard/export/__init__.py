"""Export: documents built from a walk's transcript (PDF and friends). Builds on the core."""
