package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.registry.domain.staff.Qualification;
import cn.anshan.oversight.registry.domain.staff.StaffEvidence;
import cn.anshan.oversight.registry.domain.staff.StaffForm;
import cn.anshan.oversight.registry.domain.staff.StaffRole;

/** A filing as it arrives, with the raw ID number that this layer hashes and then forgets. */
public record StaffFiling(
    String name,
    String nationalIdNumber,
    StaffRole role,
    boolean fullTime,
    Qualification qualification,
    boolean inServiceTeacher,
    boolean writtenLabourContract,
    StaffEvidence evidence) {

  StaffForm toForm(String idHash) {
    return new StaffForm(
        name,
        idHash,
        role,
        fullTime,
        qualification,
        inServiceTeacher,
        writtenLabourContract,
        evidence);
  }
}
