package cn.anshan.oversight.registry.domain.staff;

public enum StaffStatus {
  ACTIVE,
  LEFT
}
