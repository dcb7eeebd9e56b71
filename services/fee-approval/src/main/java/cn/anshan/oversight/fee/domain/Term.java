package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The school term a fee applies to, e.g. 2026-autumn from 2026-09-01 to 2027-01-15. */
@Embeddable
public record Term(
    String termId,
    @Column(name = "term_start") LocalDate start,
    @Column(name = "term_end") LocalDate end) {
  public static final Pattern ID = Pattern.compile("[0-9]{4}-(spring|autumn|summer|winter)");

  /** A term a fee may be proposed for: every problem is a 400 naming its field. */
  public void requireValid(int maxDays) {
    List<FieldError> problems = problems(maxDays);
    if (!problems.isEmpty()) {
      throw new ProblemException(Problem.ofFields(problems));
    }
  }

  /** What is wrong with the term, one error per field and problem; empty when it is usable. */
  List<FieldError> problems(int maxDays) {
    List<FieldError> problems = new ArrayList<>();
    if (termId == null || !ID.matcher(termId).matches()) {
      problems.add(new FieldError("/termId", "must look like 2026-autumn"));
    }
    if (termId != null && ID.matcher(termId).matches() && start != null) {
      // The term belongs to the year it names: 2026-autumn starts in 2026.
      if (start.getYear() != Integer.parseInt(termId.substring(0, 4))) {
        problems.add(new FieldError("/termStart", "must fall in the year the termId names"));
      }
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        problems.add(new FieldError("/termEnd", "must be after termStart"));
      } else if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
        problems.add(new FieldError("/termEnd", "a term lasts at most " + maxDays + " days"));
      }
    }
    return problems;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(start) && !date.isAfter(end);
  }
}
