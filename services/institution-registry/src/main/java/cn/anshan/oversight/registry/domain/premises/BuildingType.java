package cn.anshan.oversight.registry.domain.premises;

/** What a site is built as; REG-10 refuses residential flats. */
public enum BuildingType {
  COMMERCIAL,
  RESIDENTIAL,
  OTHER
}
