package cn.anshan.oversight.system;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a parent's or the public's view must never contain (issue 8 §3, field-level exposure): staff
 * personal data, ID numbers and account numbers. One place for the field-name denylist and the
 * resident-ID shape, so the story's checks and the schema checks agree.
 */
public final class PersonalData {

  /**
   * A GB 11643 resident ID number: 17 digits (not starting with 0) and a digit or X, not part of a
   * longer token (UUIDs, amounts and timestamps have other neighbours).
   */
  public static final Pattern RESIDENT_ID =
      Pattern.compile("(?<![0-9A-Za-z-])[1-9][0-9]{16}[0-9X](?![0-9A-Za-z-])");

  /**
   * Normalised fragments (lower case, letters and digits only) of property names that denote such
   * data; a property whose normalised name contains one is denied (so no short fragments such as
   * "idno", which "paidNow" contains). ID numbers: resident, national, passport, and the
   * institution's unified social credit code (the story keeps it off the public view). Account
   * numbers: bank and custody accounts, cards. Staff personal data: contact numbers and addresses,
   * birth dates, names of staff members.
   */
  private static final List<String> DENIED_FIELDS =
      List.of(
          "idnumber",
          "nationalid",
          "identitynumber",
          "identityno",
          "idcard",
          "residentid",
          "citizenid",
          "passport",
          "creditcode",
          "accountno",
          "accountnumber",
          "bankaccount",
          "iban",
          "cardno",
          "cardnumber",
          "phone",
          "mobile",
          "telephone",
          "homeaddress",
          "birthdate",
          "dateofbirth",
          "staffname",
          "teachername",
          "employeename");

  /**
   * Schema (component) names of staff records: a parent-visible response that reaches one shows
   * staff personal data whatever its property names.
   */
  private static final List<String> DENIED_SCHEMAS = List.of("staff", "teacher", "employee");

  private PersonalData() {}

  /** The denylisted fragment a property name contains, or null. */
  public static String deniedField(String propertyName) {
    String n = normalise(propertyName);
    return DENIED_FIELDS.stream().filter(n::contains).findFirst().orElse(null);
  }

  /** The denylisted fragment a schema name contains, or null. */
  public static String deniedSchema(String schemaName) {
    String n = normalise(schemaName);
    return DENIED_SCHEMAS.stream().filter(n::contains).findFirst().orElse(null);
  }

  public static boolean showsResidentId(String text) {
    return text != null && RESIDENT_ID.matcher(text).find();
  }

  private static String normalise(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
