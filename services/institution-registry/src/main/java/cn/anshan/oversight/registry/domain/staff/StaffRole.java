package cn.anshan.oversight.registry.domain.staff;

/** TEACHING = teaching and research staff (教学教研人员), the staff STF-01/04/05 speak of. */
public enum StaffRole {
  TEACHING,
  OTHER
}
