package cn.anshan.oversight.registry.domain.course;

/**
 * How the education bureau, which has the final say (REG-03), assessed a course on the four
 * criteria — from its teaching plan, materials, a class visit — and a reference to what it saw.
 */
public record ClassificationCheck(Classification assessed, String evidenceReference) {}
