package cn.anshan.oversight.system.story;

import java.nio.file.Path;
import java.util.List;

/** The user story of issue 8, in order. */
public final class Story {
  private Story() {}

  /**
   * @param repo the repository root (step 8 runs the standalone export verifier from it)
   * @param workDir where step 8 writes the export's files
   */
  public static List<Step> steps(Path repo, Path workDir) {
    return List.of(
        new S1InstitutionApproval(),
        new S2CoursesAndSchedules(),
        new S3CustodyAndPrepayment(),
        new S4LessonsConsumed(),
        new S5Withdrawal(),
        new S6AfterSchoolFee(),
        new S7Blacklisting(),
        new S7bUnlicensedOperator(),
        new S8AuditorsView(repo, workDir),
        new S9InsiderRewrite(repo, workDir));
  }
}
