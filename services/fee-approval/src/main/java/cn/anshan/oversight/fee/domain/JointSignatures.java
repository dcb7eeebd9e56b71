package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The two signatures of the joint submission (LN-ASV-06): education for the school's district,
 * pricing for the city. Void again when the proposal is returned or amended.
 */
@Embeddable
public record JointSignatures(
    String educationSignedBy,
    Instant educationSignedAt,
    String pricingSignedBy,
    Instant pricingSignedAt) {

  /** No department has signed. */
  public static final JointSignatures NONE = new JointSignatures(null, null, null, null);

  public String signedBy(Department department) {
    return department == Department.EDUCATION ? educationSignedBy : pricingSignedBy;
  }

  public Instant signedAt(Department department) {
    return department == Department.EDUCATION ? educationSignedAt : pricingSignedAt;
  }

  /** Both departments have signed: the proposal goes to the city government. */
  public boolean complete() {
    return educationSignedBy != null && pricingSignedBy != null;
  }

  JointSignatures with(Department department, String signer, Instant at) {
    return department == Department.EDUCATION
        ? new JointSignatures(signer, at, pricingSignedBy, pricingSignedAt)
        : new JointSignatures(educationSignedBy, educationSignedAt, signer, at);
  }
}
