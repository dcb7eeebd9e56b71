package cn.anshan.oversight.registry.repository;

/** A LIKE pattern for "name contains", with the user's wildcards taken literally. */
public final class NameSearch {
  private NameSearch() {}

  public static String containing(String text) {
    String escaped =
        text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
