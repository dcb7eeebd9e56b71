package cn.anshan.oversight.fee.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The school term a fee applies to, e.g. 2026-autumn from 2026-09-01 to 2027-01-15. */
public record Term(String termId, LocalDate start, LocalDate end) {
  public static final Pattern ID = Pattern.compile("[0-9]{4}-(spring|autumn|summer|winter)");

  /** What is wrong with the term, as (field, problem) pairs; empty when it is usable. */
  public List<String[]> problems(int maxDays) {
    List<String[]> problems = new ArrayList<>();
    if (termId == null || !ID.matcher(termId).matches()) {
      problems.add(new String[] {"termId", "must look like 2026-autumn"});
    }
    if (termId != null && ID.matcher(termId).matches() && start != null) {
      // The term belongs to the year it names: 2026-autumn starts in 2026.
      if (start.getYear() != Integer.parseInt(termId.substring(0, 4))) {
        problems.add(new String[] {"termStart", "must fall in the year the termId names"});
      }
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        problems.add(new String[] {"termEnd", "must be after termStart"});
      } else if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
        problems.add(new String[] {"termEnd", "a term lasts at most " + maxDays + " days"});
      }
    }
    return problems;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }
}
