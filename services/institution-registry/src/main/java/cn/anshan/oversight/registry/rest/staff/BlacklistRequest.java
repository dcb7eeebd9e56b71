package cn.anshan.oversight.registry.rest.staff;

import cn.anshan.oversight.registry.domain.staff.RedLine;
import cn.anshan.oversight.registry.service.staff.StaffIdentities;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/staff-blacklist}. */
public record BlacklistRequest(
    @NotNull @NationalId String nationalIdNumber,
    @NotNull RedLine redLine,
    @NotBlank @Size(max = 1000) String detail) {

  /** As {@link StaffRequest#fingerprint}: the idempotency record never sees the number. */
  Object fingerprint(StaffIdentities identities) {
    return new Fingerprint(identities.hash(nationalIdNumber), redLine, detail);
  }

  record Fingerprint(String idHash, RedLine redLine, String detail) {}
}
