package cn.anshan.oversight.registry.domain;

/** 民非 (non-profit), business licence (营业执照) or public institution (事业单位). */
public enum LegalForm {
  MINFEI,
  BUSINESS,
  PUBLIC_INSTITUTION
}
