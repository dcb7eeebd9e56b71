package cn.anshan.oversight.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * REG-08: the start-up capital an applicant declares, in yuan, with a reference to what proves it
 * (a capital verification report, 验资报告, or a bank statement) for the approving regulator to see.
 */
@Embeddable
public record StartUpCapital(
    @Column(name = "start_up_capital_yuan") long yuan,
    @Column(name = "start_up_capital_evidence") String evidenceReference) {}
