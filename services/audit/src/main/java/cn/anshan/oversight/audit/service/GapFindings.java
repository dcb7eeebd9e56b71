package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.domain.FindingRules.Kind;
import cn.anshan.oversight.audit.messaging.AuditEvents.GapDetected;
import cn.anshan.oversight.audit.repository.FindingRepository.Candidate;
import cn.anshan.oversight.audit.repository.VerificationRepository.SequenceGap;
import cn.anshan.oversight.audit.repository.VerificationRepository.VersionGap;
import cn.anshan.oversight.audit.service.FindingScanner.Pending;
import java.time.Instant;
import java.util.List;

/**
 * PLT-11 completeness gaps as findings: the key that keeps one gap one finding while it stays open,
 * and the finding with the missing range its announcement names.
 */
final class GapFindings {
  private GapFindings() {}

  static String key(VersionGap g) {
    return Kind.VERSION_GAP
        + ":"
        + g.aggregateType()
        + "/"
        + g.aggregateId()
        + ":"
        + g.missingFrom()
        + "-"
        + g.missingTo();
  }

  static String key(SequenceGap g) {
    return Kind.SEQUENCE_GAP + ":" + g.source() + ":" + g.missingFrom() + "-" + g.missingTo();
  }

  static Pending finding(VersionGap g, Instant now) {
    Candidate c =
        new Candidate(
            key(g),
            Kind.VERSION_GAP,
            g.aggregateId(),
            g.district(),
            "PLT-11: versions "
                + g.missingFrom()
                + ".."
                + g.missingTo()
                + " of "
                + g.aggregateType()
                + " "
                + g.aggregateId()
                + " never arrived",
            List.of(g.nextEvent()));
    return new Pending(
        c,
        new GapDetected(
            null,
            Kind.VERSION_GAP.ruleId(),
            Kind.VERSION_GAP.name(),
            null,
            g.aggregateType(),
            g.aggregateId(),
            g.missingFrom(),
            g.missingTo(),
            g.nextEvent().toString(),
            now));
  }

  static Pending finding(SequenceGap g, Instant now) {
    Candidate c =
        new Candidate(
            key(g),
            Kind.SEQUENCE_GAP,
            null,
            null,
            "PLT-11: sequence "
                + g.missingFrom()
                + ".."
                + g.missingTo()
                + " of producer "
                + g.source()
                + " never arrived",
            List.of(g.nextEvent()));
    return new Pending(
        c,
        new GapDetected(
            null,
            Kind.SEQUENCE_GAP.ruleId(),
            Kind.SEQUENCE_GAP.name(),
            g.source(),
            null,
            null,
            g.missingFrom(),
            g.missingTo(),
            g.nextEvent().toString(),
            now));
  }
}
