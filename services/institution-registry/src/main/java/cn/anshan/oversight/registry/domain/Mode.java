package cn.anshan.oversight.registry.domain;

/** A licence for one mode cannot be used for the other (REG-06). */
public enum Mode {
  ONLINE,
  OFFLINE
}
