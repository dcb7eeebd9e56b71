package cn.anshan.oversight.registry.domain.staff;

/**
 * What an operator files about a person. The national ID number arrives already hashed ({@link
 * NationalIdHasher}); the raw number never reaches the domain.
 */
public record StaffForm(
    String name,
    String idHash,
    StaffRole role,
    boolean fullTime,
    Qualification qualification,
    boolean inServiceTeacher,
    boolean writtenLabourContract,
    StaffEvidence evidence) {

  public boolean isFullTimeTeaching() {
    return role == StaffRole.TEACHING && fullTime;
  }
}
