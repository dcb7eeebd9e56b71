package cn.anshan.oversight.registry.domain;

/**
 * Where a staff member's declared qualification and in-service status stand (issue 18 item 3):
 * taken on the operator's word until a regulator checks them.
 */
public enum VerificationStatus {
  /** Declared by the operator, not checked yet. */
  UNVERIFIED,
  /** Checked: the certificate is real and matches, the person is no in-service teacher. */
  VERIFIED,
  /**
   * Checked and found false: STF-01 and/or STF-02 is broken although the filing declared otherwise.
   */
  REFUTED
}
