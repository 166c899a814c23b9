/// The Execution stage of the cabatch pipeline (see DESIGN.md).
enum ExecutionModule {}
