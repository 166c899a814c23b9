/// The SigV4 stage of the cabatch pipeline (see DESIGN.md).
enum SigV4Module {}
