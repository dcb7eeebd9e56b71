package cn.anshan.oversight.registry.domain.staff;

/**
 * Why a person is on the staff blacklist (STF-06). DOMAIN.md names the barring grounds and three of
 * the eleven conduct red lines; the others are filed as OTHER_CONDUCT with the detail in words.
 */
public enum RedLine {
  ABUSE,
  HARASSMENT,
  IMPROPER_BENEFITS,
  OTHER_CONDUCT,
  DEPRIVED_OF_POLITICAL_RIGHTS,
  INTENTIONAL_CRIME
}
