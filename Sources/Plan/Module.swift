/// The Plan stage of the cabatch pipeline (see DESIGN.md).
enum PlanModule {}
