package cn.anshan.oversight.registry.domain;

/** Non-subject sub-categories and their competent departments (REG-02). */
public enum SubCategory {
  SPORTS,
  CULTURE_ART,
  SCIENCE_TECH
}
