package cn.anshan.oversight.registry.domain.standing;

/** The legal registration beside the school-running licence (REG-06, REG-07). */
public enum RegistrationType {
  /** 营业执照, market regulation. */
  BUSINESS_LICENCE,
  /** 民办非企业单位登记证书, civil affairs (non-profit). */
  MINFEI_CERTIFICATE,
  /** 事业单位法人证书. */
  PUBLIC_INSTITUTION_CERTIFICATE
}
