package cn.anshan.oversight.registry.domain.staff;

/**
 * What an operator offers for a regulator to check: a reference to the certificate (its scan or its
 * entry in the national certificate register) and to the employment record that shows the person is
 * no in-service teacher (labour contract, social-insurance record). References, never the
 * documents.
 */
public record StaffEvidence(String qualification, String employment) {
  public static final StaffEvidence NONE = new StaffEvidence(null, null);
}
