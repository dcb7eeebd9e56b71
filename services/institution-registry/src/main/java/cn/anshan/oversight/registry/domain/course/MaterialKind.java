package cn.anshan.oversight.registry.domain.course;

/** REG-12: what kind of teaching material is filed. */
public enum MaterialKind {
  TEXTBOOK,
  HANDOUT,
  COURSEWARE,
  OTHER
}
