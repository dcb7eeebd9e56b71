package cn.anshan.oversight.registry.domain.standing;

/** EXPIRED is set by the expiry watch once the end date has passed, so it is announced once. */
public enum LicenceStatus {
  ISSUED,
  EXPIRED,
  REVOKED
}
