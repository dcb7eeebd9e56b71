package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.registry.domain.staff.Qualification;
import cn.anshan.oversight.registry.domain.staff.QualificationType;
import cn.anshan.oversight.registry.domain.staff.StaffRole;
import cn.anshan.oversight.registry.service.staff.StaffFiling;
import cn.anshan.oversight.registry.service.staff.StaffIdentities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/institutions/{institutionId}/staff}. */
public record StaffRequest(
    @NotBlank @Size(max = 100) String name,
    @NotNull @NationalId String nationalIdNumber,
    @NotNull StaffRole role,
    @NotNull Boolean fullTime,
    @Valid QualificationRequest qualification,
    @NotNull Boolean inServiceTeacher,
    @NotNull Boolean writtenLabourContract) {

  public record QualificationRequest(
      @NotNull QualificationType type, @NotBlank @Size(max = 64) String number) {}

  StaffFiling toFiling() {
    return new StaffFiling(
        name.strip(),
        nationalIdNumber,
        role,
        fullTime,
        qualification == null
            ? null
            : new Qualification(qualification.type(), qualification.number().strip()),
        inServiceTeacher,
        writtenLabourContract);
  }

  /**
   * What the idempotency record hashes: the request with the ID number replaced by its keyed hash,
   * because an unkeyed digest of a body holding an ID number could be reversed by trying every
   * number.
   */
  Object fingerprint(StaffIdentities identities) {
    return new Fingerprint(
        name,
        identities.hash(nationalIdNumber),
        role,
        fullTime,
        qualification,
        inServiceTeacher,
        writtenLabourContract);
  }

  record Fingerprint(
      String name,
      String idHash,
      StaffRole role,
      Boolean fullTime,
      QualificationRequest qualification,
      Boolean inServiceTeacher,
      Boolean writtenLabourContract) {}
}
