package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.registry.domain.staff.Qualification;
import cn.anshan.oversight.registry.domain.staff.QualificationType;
import cn.anshan.oversight.registry.domain.staff.StaffEvidence;
import cn.anshan.oversight.registry.domain.staff.StaffRole;
import cn.anshan.oversight.registry.service.staff.StaffFiling;
import cn.anshan.oversight.registry.service.staff.StaffIdentities;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/institutions/{institutionId}/staff}. */
public record StaffRequest(
    @NotBlank @Size(max = 100) String name,
    @NotNull @NationalId String nationalIdNumber,
    @NotNull StaffRole role,
    @NotNull Boolean fullTime,
    @Valid QualificationRequest qualification,
    @NotNull Boolean inServiceTeacher,
    @NotNull Boolean writtenLabourContract,
    @Valid EvidenceRequest evidence) {

  public record QualificationRequest(
      @NotNull QualificationType type, @NotBlank @Size(max = 64) String number) {}

  /**
   * Optional references for the regulator's check (issue 18 item 3): where the certificate and the
   * employment record can be seen. Without them the filing is still accepted and stays unverified.
   */
  public record EvidenceRequest(
      @Schema(description = "Certificate scan or national certificate register entry")
          @Size(min = 1, max = 200)
          String qualification,
      @Schema(
              description =
                  "Labour contract or social-insurance record (not an in-service teacher)")
          @Size(min = 1, max = 200)
          String employment) {}

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
        writtenLabourContract,
        evidence == null
            ? StaffEvidence.NONE
            : new StaffEvidence(strip(evidence.qualification()), strip(evidence.employment())));
  }

  private static String strip(String reference) {
    return reference == null ? null : reference.strip();
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
        writtenLabourContract,
        evidence);
  }

  record Fingerprint(
      String name,
      String idHash,
      StaffRole role,
      Boolean fullTime,
      QualificationRequest qualification,
      Boolean inServiceTeacher,
      Boolean writtenLabourContract,
      EvidenceRequest evidence) {}
}
