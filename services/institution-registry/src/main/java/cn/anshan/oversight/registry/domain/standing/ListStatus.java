package cn.anshan.oversight.registry.domain.standing;

/** LST-01: the published white and black lists; NONE is on neither. */
public enum ListStatus {
  NONE,
  WHITE,
  BLACK
}
