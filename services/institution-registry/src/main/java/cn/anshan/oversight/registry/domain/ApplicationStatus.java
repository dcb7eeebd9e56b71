package cn.anshan.oversight.registry.domain;

/** Where an application stands. */
public enum ApplicationStatus {
  APPLIED,
  APPROVED,
  REJECTED
}
